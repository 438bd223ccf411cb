package io.cxhub.survey.response.mongo;

import io.cxhub.survey.response.SurveyResponse;
import org.bson.Document;

/**
 * For {@code ScaleBenchmark}: the stored form of a response, exactly as survey-service
 * writes it, so that bulk-loaded responses are read by the real list, export and relay.
 */
public final class BenchResponseDocuments {

  private BenchResponseDocuments() {
  }

  public static Document toDocument(SurveyResponse response) {
    return MongoSurveyResponses.toDocument(response);
  }

  public static String collection() {
    return MongoSurveyResponses.COLLECTION;
  }

  public static String tenantsCollection() {
    return MongoSurveyResponses.TENANTS;
  }
}
