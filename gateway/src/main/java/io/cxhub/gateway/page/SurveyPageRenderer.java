package io.cxhub.gateway.page;

import io.cxhub.proto.survey.v1.Branding;
import io.cxhub.proto.survey.v1.PublicSurvey;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Server-rendered HTML of the hosted survey pages: the survey form (which works without
 * JavaScript), the thank-you page and the notices of links that take no answer. Every
 * value that comes from a survey, a tenant or a request is escaped here.
 */
final class SurveyPageRenderer {

  static final String ASSETS = "/respond/";

  /** A rendered page and the CSP hash of its one inline style (the accent colour). */
  record Rendered(String html, String styleHash) {}

  /** What the thank-you page follows. */
  enum Outcome { THANKS, PROMOTER, DETRACTOR_CONTACT }

  private SurveyPageRenderer() {}

  static Rendered survey(PublicSurvey survey, PageForm form, boolean embed) {
    var text = PageText.of(survey.getLanguage());
    String token = survey.getToken();
    var body = new StringBuilder();
    body.append("<h1 id=\"title\">").append(esc(survey.getTitle())).append("</h1>\n");
    languageSwitch(body, survey, text, embed);
    body.append("<p class=\"note\">").append(esc(text.get("required.note"))).append("</p>\n");
    if (form.hasErrors()) {
      body.append("<div class=\"summary\" id=\"summary\" role=\"alert\" tabindex=\"-1\"><p>")
          .append(esc(text.get("errors.summary"))).append("</p><ul>");
      for (var error : form.errors().entrySet()) {
        var question = survey.getQuestionsList().stream()
            .filter(q -> q.getQuestionId().equals(error.getKey())).findFirst();
        body.append("<li>");
        if (question.isPresent()) {
          body.append("<a href=\"#q-").append(esc(error.getKey())).append("\">")
              .append(esc(question.get().getText())).append("</a> — ");
        }
        body.append(esc(error.getValue())).append("</li>");
      }
      body.append("</ul></div>\n");
    }
    body.append("<form method=\"post\" action=\"/s/").append(esc(token)).append("\" id=\"survey\" autocomplete=\"off\"")
        .append(" data-kiosk=\"").append(survey.getKiosk()).append("\"")
        .append(" data-embed=\"").append(embed).append("\"")
        .append(" data-msg-required=\"").append(esc(text.get("error.required"))).append("\"")
        .append(" data-msg-choices=\"").append(esc(text.get("error.choices"))).append("\"")
        .append(" data-msg-long=\"").append(esc(text.get("error.long", PageForm.MAX_TEXT))).append("\"")
        .append(" data-msg-progress=\"").append(esc(text.get("progress"))).append("\"")
        .append(" data-msg-counter=\"").append(esc(text.get("text.counter"))).append("\"")
        .append(" data-msg-sending=\"").append(esc(text.get("sending"))).append("\"")
        .append(" data-msg-summary=\"").append(esc(text.get("errors.summary"))).append("\"")
        .append(">\n");
    hidden(body, PageForm.KEY, form.key());
    hidden(body, "lang", survey.getLanguage());
    hidden(body, PageForm.CONTEXT_URL, form.contextUrl());
    hidden(body, PageForm.CONTEXT_STAGE, form.contextStage());
    if (embed) {
      hidden(body, "embed", "1");
    }
    body.append("<div class=\"progress\" id=\"progress\" hidden><progress id=\"progress-bar\" max=\"")
        .append(survey.getQuestionsCount()).append("\" value=\"0\" aria-labelledby=\"progress-text\"></progress>")
        .append("<span id=\"progress-text\" aria-live=\"polite\"></span></div>\n");
    for (Question q : survey.getQuestionsList()) {
      question(body, q, form, text);
    }
    if (survey.getQuestionsList().stream().anyMatch(q -> q.getKind() == QuestionKind.QUESTION_KIND_NPS)) {
      body.append("<div class=\"consent\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"yes\"")
          .append(form.consent() ? " checked" : "").append("><label for=\"consent\">")
          .append(esc(text.get("consent"))).append("</label></div>\n");
    }
    body.append("<button type=\"submit\" class=\"button\" id=\"send\">").append(esc(text.get("submit")))
        .append("</button>\n</form>\n");
    return layout(survey.getLanguage(), survey.getTitle(), survey.getBranding(), body.toString(), embed, "");
  }

  private static void languageSwitch(StringBuilder body, PublicSurvey survey, PageText text, boolean embed) {
    if (survey.getLanguagesCount() < 2) {
      return;
    }
    body.append("<nav class=\"languages\" aria-label=\"").append(esc(text.get("language"))).append("\"><ul>");
    for (String language : survey.getLanguagesList()) {
      String name = PageText.nativeName(language);
      body.append("<li>");
      if (language.equals(survey.getLanguage())) {
        body.append("<span aria-current=\"page\" lang=\"").append(esc(language)).append("\">")
            .append(esc(name)).append("</span>");
      } else {
        body.append("<a href=\"/s/").append(esc(survey.getToken())).append("?lang=").append(esc(language))
            .append(embed ? "&amp;embed=1" : "").append("\" hreflang=\"").append(esc(language))
            .append("\" lang=\"").append(esc(language)).append("\">").append(esc(name)).append("</a>");
      }
      body.append("</li>");
    }
    body.append("</ul></nav>\n");
  }

  private static void question(StringBuilder body, Question q, PageForm form, PageText text) {
    String id = esc(q.getQuestionId());
    String error = form.errors().get(q.getQuestionId());
    List<String> values = form.values(q.getQuestionId());
    String required = q.getRequired()
        ? " <span class=\"req\" aria-hidden=\"true\">*</span><span class=\"sr\"> (" + esc(text.get("required")) + ")</span>"
        : "";
    String errorBlock = "<p class=\"error\" id=\"q-" + id + "-error\">" + (error == null ? "" : esc(error)) + "</p>\n";
    String invalid = error == null ? "" : " aria-invalid=\"true\"";
    String name = esc(PageForm.FIELD_PREFIX + q.getQuestionId());
    switch (q.getKind()) {
      case QUESTION_KIND_NPS, QUESTION_KIND_CSAT, QUESTION_KIND_CES, QUESTION_KIND_RATING -> {
        String ends = switch (q.getKind()) {
          case QUESTION_KIND_NPS -> "nps";
          case QUESTION_KIND_CSAT -> "csat";
          case QUESTION_KIND_CES -> "ces";
          default -> "rating";
        };
        body.append("<fieldset class=\"q scale-q\" id=\"q-").append(id).append("\" data-required=\"")
            .append(q.getRequired()).append("\" aria-describedby=\"q-").append(id).append("-ends q-").append(id)
            .append("-error\"").append(invalid).append(">\n<legend>").append(esc(q.getText())).append(required)
            .append("</legend>\n<div class=\"scale\">");
        for (int v = q.getScaleMin(); v <= q.getScaleMax(); v++) {
          body.append("<label class=\"pick\"><input type=\"radio\" name=\"").append(name).append("\" value=\"")
              .append(v).append("\"").append(values.contains(Integer.toString(v)) ? " checked" : "")
              .append(q.getRequired() ? " required" : "").append("><span>").append(v).append("</span></label>");
        }
        body.append("</div>\n<p class=\"ends\" id=\"q-").append(id).append("-ends\"><span>")
            .append(q.getScaleMin()).append(" = ").append(esc(text.get(ends + ".low"))).append("</span><span>")
            .append(q.getScaleMax()).append(" = ").append(esc(text.get(ends + ".high"))).append("</span></p>\n")
            .append(errorBlock).append("</fieldset>\n");
      }
      case QUESTION_KIND_SINGLE_CHOICE, QUESTION_KIND_MULTIPLE_CHOICE -> {
        boolean single = q.getKind() == QuestionKind.QUESTION_KIND_SINGLE_CHOICE;
        body.append("<fieldset class=\"q choice-q\" id=\"q-").append(id).append("\" data-required=\"")
            .append(q.getRequired()).append("\" data-multiple=\"").append(!single).append("\" aria-describedby=\"")
            .append(single ? "" : "q-" + id + "-hint ").append("q-").append(id).append("-error\"").append(invalid)
            .append(">\n<legend>").append(esc(q.getText())).append(required).append("</legend>\n");
        if (!single) {
          body.append("<p class=\"hint\" id=\"q-").append(id).append("-hint\">").append(esc(text.get("choices.many")))
              .append("</p>\n");
        }
        body.append("<div class=\"choices\">");
        int i = 0;
        for (var choice : q.getChoicesList()) {
          String inputId = "f-" + id + "-" + i++;
          body.append("<div class=\"choice\"><input type=\"").append(single ? "radio" : "checkbox")
              .append("\" id=\"").append(inputId).append("\" name=\"").append(name).append("\" value=\"")
              .append(esc(choice.getChoiceId())).append("\"")
              .append(values.contains(choice.getChoiceId()) ? " checked" : "")
              .append(single && q.getRequired() ? " required" : "").append("><label for=\"").append(inputId)
              .append("\">").append(esc(choice.getLabel())).append("</label></div>");
        }
        body.append("</div>\n").append(errorBlock).append("</fieldset>\n");
      }
      default -> {
        String value = values.isEmpty() ? "" : values.get(0);
        body.append("<div class=\"q text-q\" id=\"q-").append(id).append("\" data-required=\"").append(q.getRequired())
            .append("\">\n<label class=\"legend\" for=\"f-").append(id).append("\">").append(esc(q.getText()))
            .append(required).append("</label>\n<textarea id=\"f-").append(id).append("\" name=\"").append(name)
            .append("\" rows=\"4\" maxlength=\"").append(PageForm.MAX_TEXT).append("\"")
            .append(q.getRequired() ? " required" : "").append(invalid)
            .append(" aria-describedby=\"f-").append(id).append("-count q-").append(id).append("-error\">")
            .append(esc(value)).append("</textarea>\n<p class=\"counter\" id=\"f-").append(id).append("-count\">")
            .append(esc(text.get("text.limit", PageForm.MAX_TEXT))).append("</p>\n")
            .append(errorBlock).append("</div>\n");
      }
    }
  }

  static Rendered thanks(PublicSurvey survey, Outcome outcome, boolean embed) {
    var text = PageText.of(survey.getLanguage());
    var body = new StringBuilder();
    body.append("<div class=\"done\" id=\"done\" tabindex=\"-1\"><h1>").append(esc(text.get("thanks.title")))
        .append("</h1>\n<p>").append(esc(text.get("thanks.body"))).append("</p>\n");
    String review = survey.getBranding().getReviewUrl();
    if (outcome == Outcome.PROMOTER && !review.isEmpty()) {
      body.append("<p>").append(esc(text.get("thanks.review"))).append("</p>\n<p><a class=\"button\" id=\"review\" href=\"")
          .append(esc(review)).append("\" rel=\"noopener noreferrer\" target=\"_blank\">")
          .append(esc(text.get("thanks.review.link"))).append("</a></p>\n");
    }
    if (outcome == Outcome.DETRACTOR_CONTACT) {
      body.append("<p id=\"contact\">").append(esc(text.get("thanks.contact"))).append("</p>\n");
    }
    String head = "";
    if (survey.getKiosk()) {
      String again = "/s/" + esc(survey.getToken()) + "?lang=" + esc(survey.getLanguage());
      body.append("<p>").append(esc(text.get("kiosk.reset"))).append("</p>\n<p><a class=\"button\" id=\"next\" href=\"")
          .append(again).append("\" data-kiosk-reset=\"").append(again).append("\">")
          .append(esc(text.get("kiosk.next"))).append("</a></p>\n");
      head = "<meta http-equiv=\"refresh\" content=\"10;url=" + again + "\">\n";
    }
    body.append("</div>\n");
    return layout(survey.getLanguage(), text.get("thanks.title") + " – " + survey.getTitle(), survey.getBranding(),
        body.toString(), embed, head);
  }

  /**
   * The page an opt-out link opens in a browser: a question and a button that posts the
   * opt-out. A GET never opts out by itself, since mail scanners follow every link.
   */
  static Rendered optOut(String language, String action) {
    var text = PageText.of(language);
    String body = "<div class=\"notice\"><h1>" + esc(text.get("optout.title")) + "</h1>\n<p>"
        + esc(text.get("optout.body")) + "</p>\n<form method=\"post\" action=\"" + esc(action) + "\">"
        + "<input type=\"hidden\" name=\"lang\" value=\"" + esc(text.language()) + "\">"
        + "<button type=\"submit\">" + esc(text.get("optout.button")) + "</button></form></div>\n";
    return layout(text.language(), text.get("optout.title"), Branding.getDefaultInstance(), body, false, "");
  }

  /** A link that takes no answer, or a failure: title and text in {@code language}. */
  static Rendered notice(String language, Branding branding, String kind) {
    var text = PageText.of(language);
    String body = "<div class=\"notice\"><h1>" + esc(text.get(kind + ".title")) + "</h1>\n<p>"
        + esc(text.get(kind + ".body")) + "</p></div>\n";
    return layout(text.language(), text.get(kind + ".title"), branding, body, false, "");
  }

  private static Rendered layout(String language, String title, Branding branding, String main, boolean embed,
      String head) {
    String accent = Accent.readable(branding.getColor());
    String style = ":root{--accent:" + accent + "}";
    String brandName = branding.getName();
    var html = new StringBuilder(4096);
    html.append("<!doctype html>\n<html lang=\"").append(esc(language)).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<title>").append(esc(brandName.isEmpty() ? title : title + " – " + brandName)).append("</title>\n")
        .append(head)
        .append("<link rel=\"stylesheet\" href=\"").append(ASSETS).append("survey.css\">\n")
        .append("<style>").append(style).append("</style>\n")
        .append("<script type=\"module\" src=\"").append(ASSETS).append("survey.js\"></script>\n")
        .append("</head>\n<body class=\"").append(embed ? "embed" : "page").append("\">\n");
    if (!brandName.isEmpty() || !branding.getLogoUrl().isEmpty()) {
      html.append("<header class=\"brand\">");
      if (!branding.getLogoUrl().isEmpty()) {
        html.append("<img src=\"").append(esc(branding.getLogoUrl())).append("\" alt=\"")
            .append(esc(brandName)).append("\" height=\"40\">");
      }
      if (!brandName.isEmpty()) {
        html.append("<span class=\"brand-name\"").append(branding.getLogoUrl().isEmpty() ? "" : " aria-hidden=\"true\"")
            .append(">").append(esc(brandName)).append("</span>");
      }
      html.append("</header>\n");
    }
    html.append("<main id=\"main\">\n").append(main).append("</main>\n");
    if (!embed) {
      html.append("<footer><p>").append(esc(PageText.of(language).get("powered"))).append("</p></footer>\n");
    }
    html.append("</body>\n</html>\n");
    return new Rendered(html.toString(), sha256(style));
  }

  private static void hidden(StringBuilder body, String name, String value) {
    body.append("<input type=\"hidden\" name=\"").append(esc(name)).append("\" value=\"").append(esc(value))
        .append("\">\n");
  }

  static String esc(String value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
  }

  static String url(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String sha256(String text) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
