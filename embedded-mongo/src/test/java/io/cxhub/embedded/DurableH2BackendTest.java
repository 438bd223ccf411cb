package io.cxhub.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurableH2BackendTest {

  @Test
  void treatsDataChangingCommandsAsWrites() {
    assertThat(DurableH2Backend.isWrite("insert", new Document())).isTrue();
    assertThat(DurableH2Backend.isWrite("findAndModify", new Document())).isTrue();
    assertThat(DurableH2Backend.isWrite("createIndexes", new Document())).isTrue();
  }

  @Test
  void treatsQueriesAsReads() {
    assertThat(DurableH2Backend.isWrite("find", new Document())).isFalse();
    assertThat(DurableH2Backend.isWrite("hello", new Document())).isFalse();
    assertThat(DurableH2Backend.isWrite("aggregate",
        new Document("pipeline", List.of(new Document("$match", new Document()))))).isFalse();
  }

  @Test
  void aggregationThatWritesIsAWrite() {
    assertThat(DurableH2Backend.isWrite("aggregate",
        new Document("pipeline", List.of(new Document("$merge", "target"))))).isTrue();
  }
}
