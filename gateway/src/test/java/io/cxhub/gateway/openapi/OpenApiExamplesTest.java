package io.cxhub.gateway.openapi;

import static io.cxhub.gateway.testing.Catalogs.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.cxhub.gateway.catalog.HttpBinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The hand-written examples of the OpenAPI document are checked against the contract: each
 * one parses, strictly, as the message it shows, and names only parameters the operation
 * has. The journey services (issue 10) must show an example of every operation.
 */
class OpenApiExamplesTest {

  private static final OpenApiExamples EXAMPLES =
      OpenApiExamples.load(CATALOG.services(), OpenApiExamplesTest.class.getClassLoader());
  private static final ObjectNode DOC = OpenApiGenerator.generate(CATALOG, EXAMPLES);
  private static final Set<String> FULLY_EXAMPLED = Set.of(
      "cx.journey.v1.JourneyService", "cx.journey.v1.JourneyInsightService", "cx.journey.v1.ImprovementActionService");

  @Test
  void everyExampleParsesAsTheMessageItShows() {
    var problems = new ArrayList<String>();
    EXAMPLES.all().forEach((rpc, example) -> {
      List<HttpBinding> bindings = bindings(rpc);
      if (bindings.isEmpty()) {
        problems.add(rpc + ": no such RPC with an HTTP binding");
        return;
      }
      HttpBinding binding = bindings.get(0);
      if (!example.request().isMissingNode()) {
        if (!binding.hasBody() || binding.takesRawBody()) {
          problems.add(rpc + ": a request example, but the operation takes no JSON body");
        } else {
          Descriptor type = binding.bodyField().map(FieldDescriptor::getMessageType)
              .orElse(binding.rpc().descriptor().getInputType());
          parse(rpc + " request", example.request(), type, problems);
          binding.pathFields().stream().filter(field -> binding.wholeRequestIsBody() && !field.contains("."))
              .filter(field -> example.request().has(type.findFieldByName(field).getJsonName()))
              .forEach(field -> problems.add(rpc + ": the request example repeats the path field " + field));
        }
      }
      if (!example.response().isMissingNode()) {
        if (binding.rpc().returnsHttpBody()) {
          if (!example.response().isTextual()) {
            problems.add(rpc + ": a raw response is shown as a string");
          }
        } else {
          Descriptor type = binding.responseBodyField().map(FieldDescriptor::getMessageType)
              .orElse(binding.rpc().descriptor().getOutputType());
          parse(rpc + " response", example.response(), type, problems);
        }
      }
      var names = new HashSet<String>();
      for (HttpBinding each : bindings) {
        JsonNode parameters = operation(each).path("parameters");
        parameters.forEach(p -> names.add(p.path("name").asText()));
      }
      example.parameters().keySet().stream().filter(name -> !names.contains(name))
          .forEach(name -> problems.add(rpc + ": no parameter named " + name));
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyJourneyOperationHasAnExample() {
    var missing = new ArrayList<String>();
    for (ServiceDescriptor service : CATALOG.services()) {
      if (!FULLY_EXAMPLED.contains(service.getFullName())) {
        continue;
      }
      for (MethodDescriptor method : service.getMethods()) {
        var example = EXAMPLES.of(method.getFullName());
        if (example.isEmpty()) {
          missing.add(method.getFullName());
          continue;
        }
        HttpBinding binding = bindings(method.getFullName()).get(0);
        if (binding.hasBody() && !binding.takesRawBody() && example.get().request().isMissingNode()) {
          missing.add(method.getFullName() + " request");
        }
        if (!method.getOutputType().getFullName().equals("google.protobuf.Empty")
            && example.get().response().isMissingNode()) {
          missing.add(method.getFullName() + " response");
        }
        var pathFields = binding.pathFields();
        pathFields.stream().filter(field -> example.get().parameter(field).isEmpty())
            .forEach(field -> missing.add(method.getFullName() + " parameter " + field));
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void theDocumentCarriesTheExamples() {
    JsonNode create = DOC.at("/paths/~1v1~1journeys/post");
    assertThat(create.at("/requestBody/content/application~1json/example/name").asText()).isNotEmpty();
    assertThat(create.at("/responses/200/content/application~1json/example/journeyId").asText()).isNotEmpty();
    JsonNode live = DOC.at("/paths/~1v1~1journeys~1{journey_id}~1live/get");
    assertThat(StreamSupport.stream(live.path("parameters").spliterator(), false)
        .filter(p -> p.path("name").asText().equals("journey_id"))
        .findFirst().orElseThrow().path("example").asText()).isNotEmpty();
  }

  private static List<HttpBinding> bindings(String rpcFullName) {
    return CATALOG.bindings().stream()
        .filter(binding -> binding.rpc().descriptor().getFullName().equals(rpcFullName))
        .toList();
  }

  private static JsonNode operation(HttpBinding binding) {
    return DOC.path("paths").path(OpenApiGenerator.openApiPath(binding.path()))
        .path(binding.httpMethod().toLowerCase(java.util.Locale.ROOT));
  }

  private static void parse(String what, JsonNode json, Descriptor type, List<String> problems) {
    try {
      JsonFormat.parser().usingTypeRegistry(CATALOG.typeRegistry())
          .merge(json.toString(), DynamicMessage.newBuilder(type));
    } catch (InvalidProtocolBufferException e) {
      problems.add(what + " is not a valid " + type.getFullName() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      fail(what + ": " + e);
    }
  }
}
