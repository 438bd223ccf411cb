package io.cxhub.gateway.page;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.cxhub.gateway.backend.CallContext;
import io.cxhub.gateway.backend.RpcInvoker;
import io.cxhub.gateway.catalog.ApiCatalog;
import io.cxhub.gateway.catalog.RpcMethod;
import io.cxhub.proto.survey.v1.GetPublicSurveyRequest;
import io.cxhub.proto.survey.v1.OptOutRequest;
import io.cxhub.proto.survey.v1.OptOutResponse;
import io.cxhub.proto.survey.v1.PublicSurvey;
import io.cxhub.proto.survey.v1.SubmitPublicResponseRequest;
import io.cxhub.proto.survey.v1.SurveyResponse;
import reactor.core.publisher.Mono;

/**
 * The hosted pages' only back end: the public RespondentService RPCs (and the invitations'
 * public opt-out), called like the REST
 * API calls them (same invoker, deadline and circuit breaker), so a page never gets data a
 * respondent could not get from {@code /v1/public/surveys/{token}}.
 */
final class RespondentClient {

  static final String GET_SURVEY = "cx.survey.v1.RespondentService.GetPublicSurvey";
  static final String SUBMIT = "cx.survey.v1.RespondentService.SubmitPublicResponse";
  static final String OPT_OUT = "cx.survey.v1.InvitationService.OptOut";

  private final RpcInvoker invoker;
  private final RpcMethod getSurvey;
  private final RpcMethod submit;
  private final RpcMethod optOut;

  RespondentClient(RpcInvoker invoker, ApiCatalog catalog) {
    this.invoker = invoker;
    this.getSurvey = rpc(catalog, GET_SURVEY);
    this.submit = rpc(catalog, SUBMIT);
    this.optOut = rpc(catalog, OPT_OUT);
  }

  private static RpcMethod rpc(ApiCatalog catalog, String name) {
    return catalog.binding(name).orElseThrow(() -> new IllegalStateException(name + " is not in the catalog")).rpc();
  }

  Mono<PublicSurvey> survey(GetPublicSurveyRequest request, CallContext context) {
    return call(getSurvey, request, context).map(m -> parse(m, PublicSurvey.parser()));
  }

  Mono<SurveyResponse> submit(SubmitPublicResponseRequest request, CallContext context) {
    return call(submit, request, context).map(m -> parse(m, SurveyResponse.parser()));
  }

  /** The public opt-out of an invitation's link (InvitationService.OptOut). */
  Mono<OptOutResponse> optOut(OptOutRequest request, CallContext context) {
    return call(optOut, request, context).map(m -> parse(m, OptOutResponse.parser()));
  }

  private Mono<DynamicMessage> call(RpcMethod rpc, Message request, CallContext context) {
    DynamicMessage dynamic;
    try {
      dynamic = DynamicMessage.parseFrom(rpc.descriptor().getInputType(), request.toByteString());
    } catch (InvalidProtocolBufferException e) {
      return Mono.error(new IllegalStateException("contract mismatch for " + rpc.fullName(), e));
    }
    return invoker.unary(rpc, dynamic, context);
  }

  private static <T> T parse(DynamicMessage message, com.google.protobuf.Parser<T> parser) {
    try {
      return parser.parseFrom(message.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("contract mismatch", e);
    }
  }
}
