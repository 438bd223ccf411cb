package io.cxhub.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxhub.gateway.catalog.ApiCatalog;

/** The OpenAPI document, generated once at start-up and served as it is. */
public final class OpenApiDocument {

  private final byte[] json;

  public OpenApiDocument(ApiCatalog catalog, ObjectMapper mapper) {
    ObjectNode document = OpenApiGenerator.generate(catalog);
    try {
      this.json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the OpenAPI document", e);
    }
  }

  public byte[] json() {
    return json.clone();
  }
}
