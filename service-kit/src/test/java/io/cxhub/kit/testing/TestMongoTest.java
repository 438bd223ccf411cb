package io.cxhub.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import org.junit.jupiter.api.Test;

class TestMongoTest {

  @Test
  void aRealServersDatabaseKeepsTheOptionsAndAuthenticatesWhereTheUserLives() {
    var uri = new ConnectionString("mongodb://tester:s3cret@db-0:27017,db-1:27017/?replicaSet=rs0&tls=true");

    assertThat(TestMongo.External.withDatabase(uri, "cx_survey_1234"))
        .isEqualTo("mongodb://tester:s3cret@db-0:27017,db-1:27017/cx_survey_1234?replicaSet=rs0&tls=true&authSource=admin");
  }

  @Test
  void aUriWithADatabaseAndNoCredentialsOnlyChangesThePath() {
    var uri = new ConnectionString("mongodb://localhost:27017/test");

    assertThat(TestMongo.External.withDatabase(uri, "cx_metrics_1")).isEqualTo("mongodb://localhost:27017/cx_metrics_1");
  }

  @Test
  void anExplicitAuthSourceIsKept() {
    var uri = new ConnectionString("mongodb://u:p@h/x?authSource=tests");

    assertThat(TestMongo.External.withDatabase(uri, "cx_journey_1")).isEqualTo("mongodb://u:p@h/cx_journey_1?authSource=tests");
  }
}
