package io.cxhub.gateway.page;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.cxhub.gateway.backend.CallContext;
import io.cxhub.gateway.ratelimit.PublicLimits;
import io.cxhub.gateway.transcode.ClientAddresses;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.survey.v1.Branding;
import io.cxhub.proto.survey.v1.GetPublicSurveyRequest;
import io.cxhub.proto.survey.v1.LinkAvailability;
import io.cxhub.proto.survey.v1.OptOutRequest;
import io.cxhub.proto.survey.v1.PublicSurvey;
import io.cxhub.proto.survey.v1.RespondentContext;
import io.cxhub.proto.survey.v1.SubmitPublicResponseRequest;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The hosted survey pages every link and QR code opens, {@code /s/{token}}:
 *
 * <ul>
 *   <li>{@code GET /s/{token}} the survey in the respondent's language ({@code lang}, else
 *       {@code Accept-Language}), with a fresh idempotency key per page view; a link that
 *       takes no answer gets a polite notice with its status (unknown 404, paused or not yet
 *       open 503, expired or closed 410);</li>
 *   <li>{@code POST /s/{token}} the plain form post: problems come back next to their
 *       questions (422), success is a 303 to the thank-you page. The page's script posts the
 *       same form with {@code Accept: application/json} and gets JSON instead;</li>
 *   <li>{@code GET /s/{token}/thanks} the thank-you page, which follows the answer: a
 *       promoter is offered the review link, a detractor who agreed is told they will be
 *       contacted;</li>
 *   <li>{@code GET /v1/public/surveys/{token}} asked by a browser ({@code Accept} naming
 *       {@code text/html}) is a 303 to the page;</li>
 *   <li>{@code GET /v1/public/invitations/{token}/opt-out} asked by a browser is a page with
 *       an "unsubscribe" button (a GET alone never opts out: mail scanners follow links), and a
 *       form {@code POST} there (the button, or RFC 8058 one-click from the mail provider)
 *       opts out and answers with a page. API clients keep the JSON RPC.</li>
 * </ul>
 *
 * The pages call the public RespondentService RPCs only, like any respondent could.
 */
final class SurveyPageEndpoints {

  private static final Logger log = LoggerFactory.getLogger(SurveyPageEndpoints.class);
  static final String PAGE = "/s/";
  static final String OPT_OUT = "/v1/public/invitations/{token}/opt-out";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final Pattern LANG = Pattern.compile("[a-z]{2,3}");
  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

  private final RespondentClient respondents;
  private final ClientAddresses clientAddresses;
  private final PublicLimits limits;

  SurveyPageEndpoints(RespondentClient respondents, ClientAddresses clientAddresses, PublicLimits limits) {
    this.respondents = respondents;
    this.clientAddresses = clientAddresses;
    this.limits = limits;
  }

  RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .GET(PAGE + "{token}", this::page)
        .POST(PAGE + "{token}", this::submit)
        .GET(PAGE + "{token}/thanks", this::thanks)
        .GET("/v1/public/surveys/{token}", asksForHtml(), this::toPage)
        .GET(OPT_OUT, asksForHtml(), this::optOutPage)
        .POST(OPT_OUT, RequestPredicates.contentType(MediaType.APPLICATION_FORM_URLENCODED), this::optOut)
        .filter(this::rateLimited)
        .build();
  }

  /**
   * The pages are public routes like {@code /v1/public/surveys/{token}}: each takes from the
   * same buckets as the API route of the operation it performs (per address and link, per
   * link, per address), so a page and the API share one budget. A refused browser gets the
   * readable "too many attempts" page, an API client JSON; both 429 with Retry-After.
   */
  private Mono<ServerResponse> rateLimited(ServerRequest request, HandlerFunction<ServerResponse> next) {
    String token = request.pathVariables().get("token");
    if (token == null || !TOKEN.matcher(token).matches()) {
      return next.handle(request);
    }
    String operation = operation(request);
    String address = clientAddresses.of(request.exchange().getRequest()).orElse("unknown");
    return limits.take(operation, token, address)
        .onErrorResume(error -> {
          log.warn("rate limit not applied to {} {}: {}", request.method(), request.path(), error.toString());
          return Mono.just(java.util.Optional.empty());
        })
        .flatMap(decision -> {
          if (decision.isEmpty()) {
            return next.handle(request);
          }
          var verdict = decision.get();
          if (verdict.allowed()) {
            // a built response's headers are read-only; the exchange's are copied under them
            verdict.writeHeaders(request.exchange().getResponse().getHeaders());
            return next.handle(request);
          }
          boolean json = request.headers().accept().contains(MediaType.APPLICATION_JSON);
          String language = language(request);
          if (json) {
            return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                  SecurityHeaders.apply(h, null, false);
                  verdict.writeHeaders(h);
                })
                .bodyValue(Map.of("error", PageText.of(language).get("busy.body")));
          }
          var page = SurveyPageRenderer.notice(language, Branding.getDefaultInstance(), "busy");
          return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS).contentType(HTML)
              .headers(h -> {
                SecurityHeaders.apply(h, page.styleHash(), false);
                verdict.writeHeaders(h);
              })
              .bodyValue(page.html());
        });
  }

  /**
   * The public RPC a page request performs, whose API route shares its buckets, named as
   * gRPC and the API's rate limit name it ({@code Package.Service/Method}).
   */
  static String operation(ServerRequest request) {
    String rpc = request.path().startsWith("/v1/public/invitations/") ? RespondentClient.OPT_OUT
        : request.method() == org.springframework.http.HttpMethod.POST ? RespondentClient.SUBMIT
        : RespondentClient.GET_SURVEY;
    int dot = rpc.lastIndexOf('.');
    return rpc.substring(0, dot) + "/" + rpc.substring(dot + 1);
  }

  /** A browser navigating, not an API client: {@code text/html} named explicitly, not via {@code *}{@code /*}. */
  static RequestPredicate asksForHtml() {
    return request -> request.headers().accept().stream()
        .anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
  }

  /** A browser following the opt-out link of a message: asks, does not act (mail scanners GET every link). */
  private Mono<ServerResponse> optOutPage(ServerRequest request) {
    String token = request.pathVariable("token");
    if (!TOKEN.matcher(token).matches()) {
      return optOutUnknown(request);
    }
    return html(HttpStatus.OK, SurveyPageRenderer.optOut(language(request), request.path()), false);
  }

  /**
   * The page's button, and RFC 8058 one-click unsubscribe (a form post of
   * {@code List-Unsubscribe=One-Click} by the mail provider): opts out, answers with a page.
   */
  private Mono<ServerResponse> optOut(ServerRequest request) {
    String token = request.pathVariable("token");
    if (!TOKEN.matcher(token).matches()) {
      return optOutUnknown(request);
    }
    return request.formData().flatMap(data -> {
      String language = Optional.ofNullable(data.getFirst("lang"))
          .filter(l -> l.equals(PageText.FR) || l.equals(PageText.EN)).orElseGet(() -> language(request));
      return respondents.optOut(OptOutRequest.newBuilder().setToken(token).build(), context(request))
          .flatMap(done -> {
            log.info("invitation opt-out through the page");
            return html(HttpStatus.OK, SurveyPageRenderer.notice(language, Branding.getDefaultInstance(), "optedout"),
                false);
          })
          .onErrorResume(e -> Status.fromThrowable(e).getCode() == Status.Code.NOT_FOUND
              || Status.fromThrowable(e).getCode() == Status.Code.INVALID_ARGUMENT
              ? optOutUnknown(request) : failure(request, e, false));
    });
  }

  private Mono<ServerResponse> optOutUnknown(ServerRequest request) {
    return html(HttpStatus.NOT_FOUND,
        SurveyPageRenderer.notice(language(request), Branding.getDefaultInstance(), "optout.unknown"), false);
  }

  private Mono<ServerResponse> toPage(ServerRequest request) {
    String token = request.pathVariable("token");
    if (!TOKEN.matcher(token).matches()) {
      return unknown(request);
    }
    String lang = request.queryParam("lang").filter(l -> LANG.matcher(l).matches()).map(l -> "?lang=" + l).orElse("");
    return ServerResponse.status(HttpStatus.SEE_OTHER).location(URI.create(PAGE + token + lang)).build();
  }

  private Mono<ServerResponse> page(ServerRequest request) {
    String token = request.pathVariable("token");
    if (!TOKEN.matcher(token).matches()) {
      return unknown(request);
    }
    boolean embed = request.queryParam("embed").isPresent();
    return respondents.survey(surveyRequest(request, token, request.queryParam("lang").orElse("")), context(request))
        .flatMap(survey -> {
          if (survey.getAvailability() != LinkAvailability.LINK_AVAILABILITY_OPEN) {
            return notice(survey);
          }
          var form = PageForm.empty(UUID.randomUUID().toString(),
              request.queryParam(PageForm.CONTEXT_URL).orElse(""),
              request.queryParam(PageForm.CONTEXT_STAGE).orElse(""));
          return html(HttpStatus.OK, SurveyPageRenderer.survey(survey, form, embed), frameable(survey));
        })
        .onErrorResume(e -> failure(request, e, false));
  }

  private Mono<ServerResponse> submit(ServerRequest request) {
    String token = request.pathVariable("token");
    if (!TOKEN.matcher(token).matches()) {
      return unknown(request);
    }
    boolean json = request.headers().accept().contains(MediaType.APPLICATION_JSON);
    var context = context(request);
    return request.formData().flatMap(data -> respondents
        .survey(surveyRequest(request, token, Optional.ofNullable(data.getFirst("lang")).orElse("")), context)
        .flatMap(survey -> {
          boolean embed = data.containsKey("embed");
          if (survey.getAvailability() != LinkAvailability.LINK_AVAILABILITY_OPEN) {
            return json ? next(PAGE + token) : notice(survey);
          }
          var text = PageText.of(survey.getLanguage());
          var form = PageForm.read(survey, data, text);
          if (form.hasErrors()) {
            return invalid(survey, form, embed, json);
          }
          return respondents.submit(submission(survey, form), context)
              .flatMap(accepted -> {
                log.info("hosted page response accepted response={} channel={}", accepted.getResponseId(),
                    accepted.getChannel());
                return thanksRedirect(survey, form, embed, json);
              })
              .onErrorResume(e -> {
                Status status = Status.fromThrowable(e);
                if (status.getCode() == Status.Code.INVALID_ARGUMENT) {
                  return invalid(survey, form.withServerViolations(violations(e), text), embed, json);
                }
                if (status.getCode() == Status.Code.ALREADY_EXISTS) {
                  // the same page view sent other answers after the first were accepted: the first stand
                  return thanksRedirect(survey, form, embed, json);
                }
                if (status.getCode() == Status.Code.FAILED_PRECONDITION) {
                  return json ? next(PAGE + token) : notice(survey.toBuilder()
                      .setAvailability(LinkAvailability.LINK_AVAILABILITY_CLOSED).build());
                }
                return failure(request, e, json);
              });
        }))
        .onErrorResume(e -> failure(request, e, json));
  }

  private Mono<ServerResponse> thanks(ServerRequest request) {
    String token = request.pathVariable("token");
    if (!TOKEN.matcher(token).matches()) {
      return unknown(request);
    }
    var outcome = switch (request.queryParam("r").orElse("")) {
      case "promoter" -> SurveyPageRenderer.Outcome.PROMOTER;
      case "contact" -> SurveyPageRenderer.Outcome.DETRACTOR_CONTACT;
      default -> SurveyPageRenderer.Outcome.THANKS;
    };
    boolean embed = request.queryParam("embed").isPresent();
    return respondents.survey(surveyRequest(request, token, request.queryParam("lang").orElse("")), context(request))
        .flatMap(survey -> html(HttpStatus.OK, SurveyPageRenderer.thanks(survey, outcome, embed), frameable(survey)))
        .onErrorResume(e -> failure(request, e, false));
  }

  private static SubmitPublicResponseRequest submission(PublicSurvey survey, PageForm form) {
    var metadata = new LinkedHashMap<String, String>();
    if (form.consent()) {
      metadata.put("contact_consent", "yes");
    }
    if (!form.contextUrl().isEmpty()) {
      metadata.put("page_url", form.contextUrl());
    }
    if (!form.contextStage().isEmpty()) {
      metadata.put("journey_stage", form.contextStage());
    }
    return SubmitPublicResponseRequest.newBuilder()
        .setToken(survey.getToken())
        .addAllAnswers(form.answers())
        .setContext(RespondentContext.newBuilder().setLocale(survey.getLanguage()).putAllMetadata(metadata))
        .setIdempotencyKey(form.key())
        .build();
  }

  private Mono<ServerResponse> thanksRedirect(PublicSurvey survey, PageForm form, boolean embed, boolean json) {
    Integer nps = form.npsScore();
    String outcome = nps == null ? "" : nps >= 9 ? "&r=promoter" : nps <= 6 && form.consent() ? "&r=contact" : "";
    String location = PAGE + survey.getToken() + "/thanks?lang=" + survey.getLanguage() + outcome
        + (embed ? "&embed=1" : "");
    if (json) {
      return next(location);
    }
    return ServerResponse.status(HttpStatus.SEE_OTHER).location(URI.create(location))
        .headers(h -> SecurityHeaders.apply(h, null, false)).build();
  }

  private Mono<ServerResponse> invalid(PublicSurvey survey, PageForm form, boolean embed, boolean json) {
    if (json) {
      return ServerResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.APPLICATION_JSON)
          .headers(h -> SecurityHeaders.apply(h, null, false))
          .bodyValue(Map.of("errors", form.errors()));
    }
    return html(HttpStatus.UNPROCESSABLE_ENTITY, SurveyPageRenderer.survey(survey, form, embed), frameable(survey));
  }

  private static Mono<ServerResponse> next(String location) {
    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
        .headers(h -> SecurityHeaders.apply(h, null, false))
        .bodyValue(Map.of("next", location));
  }

  private Mono<ServerResponse> notice(PublicSurvey survey) {
    var availability = survey.getAvailability();
    String kind = switch (availability) {
      case LINK_AVAILABILITY_PAUSED -> "paused";
      case LINK_AVAILABILITY_EXPIRED -> "expired";
      case LINK_AVAILABILITY_NOT_OPEN -> "notopen";
      default -> "closed";
    };
    HttpStatus status = switch (availability) {
      case LINK_AVAILABILITY_PAUSED, LINK_AVAILABILITY_NOT_OPEN -> HttpStatus.SERVICE_UNAVAILABLE;
      default -> HttpStatus.GONE;
    };
    return html(status, SurveyPageRenderer.notice(survey.getLanguage(), survey.getBranding(), kind), frameable(survey));
  }

  private Mono<ServerResponse> unknown(ServerRequest request) {
    return html(HttpStatus.NOT_FOUND, SurveyPageRenderer.notice(language(request), Branding.getDefaultInstance(),
        "unknown"), false);
  }

  private Mono<ServerResponse> failure(ServerRequest request, Throwable error, boolean json) {
    Status.Code code = error instanceof CallNotPermittedException ? Status.Code.UNAVAILABLE
        : Status.fromThrowable(error).getCode();
    String kind;
    HttpStatus status;
    switch (code) {
      case NOT_FOUND, INVALID_ARGUMENT -> {
        kind = "unknown";
        status = HttpStatus.NOT_FOUND;
      }
      case RESOURCE_EXHAUSTED -> {
        kind = "busy";
        status = HttpStatus.TOO_MANY_REQUESTS;
      }
      default -> {
        kind = "down";
        status = HttpStatus.SERVICE_UNAVAILABLE;
        log.warn("hosted page failed: {}", error.toString());
      }
    }
    String language = language(request);
    if (json) {
      return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
          .headers(h -> SecurityHeaders.apply(h, null, false))
          .bodyValue(Map.of("error", PageText.of(language).get(kind + ".body")));
    }
    return html(status, SurveyPageRenderer.notice(language, Branding.getDefaultInstance(), kind), false);
  }

  private static Mono<ServerResponse> html(HttpStatus status, SurveyPageRenderer.Rendered page, boolean frameable) {
    return ServerResponse.status(status)
        .contentType(HTML)
        .headers(h -> SecurityHeaders.apply(h, page.styleHash(), frameable))
        .bodyValue(page.html());
  }

  /** Widget and in-app links open inside the customer's own site or app; others may not be framed. */
  private static boolean frameable(PublicSurvey survey) {
    return survey.getChannel() == Channel.CHANNEL_WEB_WIDGET || survey.getChannel() == Channel.CHANNEL_IN_APP;
  }

  private static GetPublicSurveyRequest surveyRequest(ServerRequest request, String token, String lang) {
    return GetPublicSurveyRequest.newBuilder()
        .setToken(token)
        .setLang(LANG.matcher(lang).matches() ? lang : "")
        .setAcceptLanguage(Optional.ofNullable(request.headers().firstHeader("Accept-Language")).orElse(""))
        .build();
  }

  private CallContext context(ServerRequest request) {
    return new CallContext(Optional.empty(), UUID.randomUUID().toString(),
        clientAddresses.of(request.exchange().getRequest()));
  }

  private static String language(ServerRequest request) {
    return request.queryParam("lang").filter(l -> l.equals(PageText.FR) || l.equals(PageText.EN))
        .orElseGet(() -> PageText.fromAcceptLanguage(request.headers().firstHeader("Accept-Language")));
  }

  private static List<String[]> violations(Throwable error) {
    var found = new ArrayList<String[]>();
    var details = StatusProto.fromThrowable(error);
    if (details == null) {
      return found;
    }
    for (var any : details.getDetailsList()) {
      if (any.is(BadRequest.class)) {
        try {
          any.unpack(BadRequest.class).getFieldViolationsList()
              .forEach(v -> found.add(new String[] {v.getField(), v.getDescription()}));
        } catch (InvalidProtocolBufferException e) {
          // a malformed detail is dropped: the page then shows the generic message
        }
      }
    }
    return found;
  }
}
