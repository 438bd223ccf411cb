package io.cxhub.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Examples of the REST API, written by hand per service in
 * {@code openapi/examples/<proto service>.json} on the classpath, keyed by RPC name:
 *
 * <pre>{@code
 * { "CreateJourney": {
 *     "parameters": { "journey_id": "j-checkout" },   // path or query parameter → value
 *     "request":  { ...the JSON body... },
 *     "response": { ...the JSON of a 200 answer... } } }
 * }</pre>
 *
 * A raw response (CSV, SVG) is given as a string. {@code OpenApiExamplesTest} parses each
 * example with the contract's descriptors, so an example that drifts from the contract fails
 * the build rather than misleading a reader.
 */
public final class OpenApiExamples {

  /** Where the examples of one service are read from. */
  public static String resource(ServiceDescriptor service) {
    return "openapi/examples/" + service.getFullName() + ".json";
  }

  /** The examples of one RPC; absent parts are missing nodes. */
  public record Example(Map<String, JsonNode> parameters, JsonNode request, JsonNode response) {

    public Optional<JsonNode> parameter(String name) {
      return Optional.ofNullable(parameters.get(name));
    }
  }

  private final Map<String, Example> byRpc;

  private OpenApiExamples(Map<String, Example> byRpc) {
    this.byRpc = Map.copyOf(byRpc);
  }

  /** Reads the examples of the given services that have a file; services without one have none. */
  public static OpenApiExamples load(List<ServiceDescriptor> services, ClassLoader loader) {
    var mapper = new ObjectMapper();
    var byRpc = new LinkedHashMap<String, Example>();
    for (ServiceDescriptor service : services) {
      try (InputStream in = loader.getResourceAsStream(resource(service))) {
        if (in == null) {
          continue;
        }
        JsonNode root = mapper.readTree(in);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
          var entry = it.next();
          var parameters = new LinkedHashMap<String, JsonNode>();
          entry.getValue().path("parameters").fields().forEachRemaining(p -> parameters.put(p.getKey(), p.getValue()));
          byRpc.put(service.getFullName() + "." + entry.getKey(), new Example(Map.copyOf(parameters),
              entry.getValue().path("request"), entry.getValue().path("response")));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the OpenAPI examples " + resource(service), e);
      }
    }
    return new OpenApiExamples(byRpc);
  }

  /** No examples at all. */
  public static OpenApiExamples none() {
    return new OpenApiExamples(Map.of());
  }

  /** The example of an RPC by its full name ({@code cx.journey.v1.JourneyService.CreateJourney}). */
  public Optional<Example> of(String rpcFullName) {
    return Optional.ofNullable(byRpc.get(rpcFullName));
  }

  /** Every RPC that has an example, by full name. */
  public Map<String, Example> all() {
    return byRpc;
  }
}
