package io.cxhub.survey.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxhub.kit.domain.Channel;
import io.cxhub.survey.followup.InMemoryFollowUpCases;
import io.cxhub.kit.domain.NpsCategory;
import io.cxhub.survey.followup.OpenCase;
import io.cxhub.survey.webhook.EventType;
import io.cxhub.kit.testing.MutableClock;
import io.cxhub.survey.webhook.WebhookDelivery;
import io.cxhub.survey.webhook.WebhookPublisher;
import io.cxhub.survey.webhook.WebhookSubscription;
import io.cxhub.survey.webhook.WebhookSubscriptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluateRulesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
  private final InMemoryFollowUpCases cases = new InMemoryFollowUpCases();
  private final List<AlertRule> rules = new ArrayList<>();
  private final Set<String> queued = new HashSet<>();

  private final WebhookSubscriptions oneSubscription = new WebhookSubscriptions() {
    @Override
    public void insert(WebhookSubscription s) {}

    @Override
    public Optional<WebhookSubscription> find(String t, String id) {
      return Optional.empty();
    }

    @Override
    public List<WebhookSubscription> list(String t) {
      return List.of(new WebhookSubscription(t, "sub", "https://example.com", Set.of(EventType.values()),
          "0123456789abcdef", Instant.EPOCH));
    }

    @Override
    public Set<String> tenants() {
      return Set.of();
    }

    @Override
    public boolean delete(String t, String id) {
      return false;
    }
  };

  private final WebhookPublisher publisher = new WebhookPublisher(oneSubscription, new CountingDeliveries(), () -> {}, clock);
  private final List<String> analysed = new ArrayList<>();
  private boolean textAnalyticsDown;
  private final TextAnalyzer text = new TextAnalyzer() {
    @Override
    public CommentAnalysis analyze(String tenantId, String comment) {
      if (textAnalyticsDown) {
        throw new IllegalStateException("metrics-service unavailable");
      }
      analysed.add(comment);
      return comment.contains("retard")
          ? new CommentAnalysis(CommentSentiment.NEGATIVE, Map.of("delivery", CommentSentiment.NEGATIVE))
          : new CommentAnalysis(CommentSentiment.POSITIVE, Map.of());
    }

    @Override
    public Set<String> themeIds(String tenantId) {
      return Set.of("delivery");
    }
  };
  private final EvaluateRules evaluate = new EvaluateRules(new ListRules(), new OpenCase(cases, publisher,
      new OpenCase.DefaultSla(Duration.ofHours(24), Duration.ofHours(72)), clock), publisher, text, clock);

  private static AlertSubject detractor() {
    return new AlertSubject("t1", "resp-1", "s1", Channel.EMAIL, null, null,
        List.of(new AlertSubject.Score("nps", true, 2)), List.of(), Instant.EPOCH);
  }

  @Test
  void aRetryOpensNoSecondCaseAndQueuesNothingTwice() {
    rules.add(new AlertRule("t1", "r1", "detractors", true,
        AlertConditions.builder().categories(Set.of(NpsCategory.DETRACTOR)).build(),
        new AlertActions(true, true, "care", null, Duration.ofHours(2), null), Instant.EPOCH));
    rules.add(new AlertRule("t1", "r2", "disabled", false,
        AlertConditions.ANY,
        new AlertActions(true, false, null, null, null, null), Instant.EPOCH));

    assertThat(evaluate.evaluate(detractor())).isOne();
    int deliveries = queued.size();
    assertThat(deliveries).as("response.created, case.opened, alert.fired").isEqualTo(3);

    assertThat(evaluate.evaluate(detractor())).isOne();
    assertThat(cases.size()).isOne();
    assertThat(queued).hasSize(deliveries);
    var c = cases.find("t1", cases.list("t1", new io.cxhub.survey.followup.CaseFilter(null, null, null, null, false, null),
        new io.cxhub.kit.paging.PageRequest(10, null), clock.instant()).get(0).caseId()).orElseThrow();
    assertThat(c.firstContactDue()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
    assertThat(c.team()).isEqualTo("care");
  }

  @Test
  void aCaseOpenedForARespondentWhoAgreedToBeContactedNotesTheConsent() {
    rules.add(new AlertRule("t1", "r1", "detractors", true,
        AlertConditions.builder().categories(Set.of(NpsCategory.DETRACTOR)).build(),
        new AlertActions(true, false, "care", null, null, null), Instant.EPOCH));
    var consenting = new AlertSubject("t1", "resp-2", "s1", Channel.QR, null, null,
        List.of(new AlertSubject.Score("nps", true, 3)), List.of(), Instant.EPOCH, true);

    evaluate.evaluate(consenting);
    evaluate.evaluate(detractor());

    var opened = cases.list("t1", new io.cxhub.survey.followup.CaseFilter(null, null, null, null, false, null),
        new io.cxhub.kit.paging.PageRequest(10, null), clock.instant());
    assertThat(opened).hasSize(2);
    var withConsent = opened.stream().filter(c -> c.responseId().equals("resp-2")).findFirst().orElseThrow();
    assertThat(withConsent.notes()).singleElement()
        .satisfies(note -> assertThat(note.text()).contains("agreed to be contacted"));
    assertThat(opened.stream().filter(c -> c.responseId().equals("resp-1")).findFirst().orElseThrow().notes())
        .isEmpty();
  }

  @Test
  void theSubjectOfAResponseSaysWhetherItsRespondentAgreedToBeContacted() {
    var response = io.cxhub.survey.response.SurveyResponse.builder()
        .tenantId("t1").responseId("resp-3").surveyId("s1").submitTime(Instant.EPOCH);

    assertThat(AlertEvaluation.subject(response.context(new io.cxhub.survey.response.RespondentContext(
        "", "", "fr", java.util.Map.of("contact_consent", "yes"))).build()).contactConsent()).isTrue();
    assertThat(AlertEvaluation.subject(response.context(new io.cxhub.survey.response.RespondentContext(
        "", "", "fr", java.util.Map.of("contact_consent", "no"))).build()).contactConsent()).isFalse();
    assertThat(AlertEvaluation.subject(response.context(null).build()).contactConsent()).isFalse();
  }

  @Test
  void aNegativeDeliveryCommentFiresItsRuleAndEachAnswerIsAnalysedOnce() {
    var negativeDelivery = AlertConditions.builder().sentiments(Set.of(CommentSentiment.NEGATIVE))
        .themes(Set.of("delivery")).build();
    rules.add(new AlertRule("t1", "r1", "negative delivery", true, negativeDelivery,
        new AlertActions(true, false, "logistics", null, null, null), Instant.EPOCH));
    rules.add(new AlertRule("t1", "r2", "any negative comment", true,
        AlertConditions.builder().sentiments(Set.of(CommentSentiment.NEGATIVE)).build(),
        new AlertActions(true, false, null, null, null, null), Instant.EPOCH));
    rules.add(new AlertRule("t1", "r3", "scores only", true, AlertConditions.ANY,
        new AlertActions(true, false, null, null, null, null), Instant.EPOCH));

    var late = new AlertSubject("t1", "resp-late", "s1", Channel.EMAIL, null, null,
        List.of(new AlertSubject.Score("nps", true, 8)), List.of("Très bon produit", "Colis en retard"), Instant.EPOCH);
    assertThat(evaluate.evaluate(late)).isEqualTo(3);
    assertThat(analysed).containsExactly("Très bon produit", "Colis en retard");

    analysed.clear();
    var happy = new AlertSubject("t1", "resp-happy", "s1", Channel.EMAIL, null, null,
        List.of(new AlertSubject.Score("nps", true, 10)), List.of("Parfait"), Instant.EPOCH);
    assertThat(evaluate.evaluate(happy)).isOne();
    assertThat(analysed).containsExactly("Parfait");
  }

  @Test
  void whenTextAnalyticsCannotAnswerTheEvaluationFailsSoThatItIsRetried() {
    rules.add(new AlertRule("t1", "r1", "negative", true,
        AlertConditions.builder().sentiments(Set.of(CommentSentiment.NEGATIVE)).build(),
        new AlertActions(true, false, null, null, null, null), Instant.EPOCH));
    textAnalyticsDown = true;
    var late = new AlertSubject("t1", "resp-late", "s1", Channel.EMAIL, null, null,
        List.of(new AlertSubject.Score("nps", true, 8)), List.of("Colis en retard"), Instant.EPOCH);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> evaluate.evaluate(late))
        .isInstanceOf(IllegalStateException.class);
    assertThat(cases.size()).isZero();

    textAnalyticsDown = false;
    assertThat(evaluate.evaluate(late)).isOne();
    assertThat(cases.size()).isOne();
  }

  private final class ListRules implements AlertRules {
    @Override
    public void insert(AlertRule rule) {
      rules.add(rule);
    }

    @Override
    public Optional<AlertRule> find(String tenantId, String ruleId) {
      return rules.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst();
    }

    @Override
    public List<AlertRule> list(String tenantId) {
      return List.copyOf(rules);
    }

    @Override
    public boolean replace(AlertRule rule) {
      return false;
    }

    @Override
    public boolean delete(String tenantId, String ruleId) {
      return false;
    }
  }

  private final class CountingDeliveries implements io.cxhub.survey.webhook.WebhookDeliveries {
    @Override
    public boolean insertIfAbsent(WebhookDelivery d) {
      return queued.add(d.deliveryId());
    }

    @Override
    public Optional<WebhookDelivery> find(String tenantId, String deliveryId) {
      return Optional.empty();
    }

    @Override
    public List<WebhookDelivery> findDue(String tenantId, Instant now, int limit) {
      return List.of();
    }

    @Override
    public boolean claim(String tenantId, String deliveryId, Instant due, Instant leaseUntil) {
      return false;
    }

    @Override
    public void recordAttempt(String t, String id, io.cxhub.survey.webhook.DeliveryAttempt a,
        io.cxhub.survey.webhook.DeliveryState s, Instant next) {}

    @Override
    public void reschedule(String tenantId, String deliveryId, Instant now) {}

    @Override
    public List<WebhookDelivery> listBySubscription(String tenantId, String subscriptionId, int limit) {
      return List.of();
    }
  }
}
