package io.cxhub.survey.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.error.PreconditionFailedException;
import io.cxhub.survey.distribution.Distribution;
import io.cxhub.survey.distribution.DistributionStatus;
import io.cxhub.survey.distribution.Distributions;
import io.cxhub.survey.survey.InMemorySurveys;
import io.cxhub.survey.survey.Survey;
import io.cxhub.survey.survey.SurveyState;
import io.cxhub.survey.webhook.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating campaigns: checks first and all at once, profiles for recipients given by id, suppressions. */
class ManageCampaignsTest {

  private static final String TENANT = "acme";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
  private final InMemoryInvitations store = new InMemoryInvitations();
  private final InMemorySurveys surveys = new InMemorySurveys();
  private final List<Collection<String>> lookups = new ArrayList<>();
  private final Map<String, String> profiles = Map.of("known", "known@example.test");
  private boolean emailConfigured = true;
  private int nudges;

  private final Distribution distribution = new Distribution("dist", TENANT, "survey", Channel.LINK, "", "dist-token",
      DistributionStatus.ACTIVE, null, clock.instant(), clock.instant(), null);

  private final ManageCampaigns manage = new ManageCampaigns(store.campaigns, store, store, new OneDistribution(), surveys,
      new EmailSender() {
        @Override
        public boolean configured() {
          return emailConfigured;
        }

        @Override
        public ProviderResult send(EmailMessage message) {
          throw new AssertionError("creating a campaign sends nothing itself");
        }
      },
      new InvitationDispatcherTest.FakeSms(),
      (tenantId, ids) -> {
        lookups.add(List.copyOf(ids));
        var found = new java.util.HashMap<String, String>();
        ids.forEach(id -> Optional.ofNullable(profiles.get(id)).ifPresent(e -> found.put(id, e)));
        return found;
      },
      () -> nudges++,
      clock);

  /** The distributions port holding one distribution of tenant acme. */
  private final class OneDistribution implements Distributions {
    @Override
    public void insert(Distribution d) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Distribution> find(String tenantId, String id) {
      return tenantId.equals(TENANT) && id.equals("dist") ? Optional.of(distribution) : Optional.empty();
    }

    @Override
    public Optional<Distribution> findByToken(String token) {
      return Optional.empty();
    }

    @Override
    public void updateStatus(Distribution updated) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Distribution> listNewestFirst(String tenantId, String surveyId, Cursor after, int limit) {
      return List.of();
    }
  }

  @BeforeEach
  void survey() {
    surveys.insert(new Survey("survey", TENANT, "Your delivery", "", List.of(), SurveyState.ACTIVE, 1,
        clock.instant(), clock.instant()));
  }

  private static ManageCampaigns.NewCampaign email(Duration reminder) {
    return new ManageCampaigns.NewCampaign("June", Channel.EMAIL, "", "", "", reminder);
  }

  private static List<String> fields(Throwable e) {
    return ((InvalidInputException) e).violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void recipientsGivenByCustomerIdGetTheAddressOfTheirProfile() {
    var campaign = manage.create(TENANT, "dist", email(null), List.of(
        new Recipient("known", "", "", ""), new Recipient("given", "given@example.test", "", "")));

    assertThat(lookups).containsExactly(List.of("known"));
    assertThat(store.allOfCampaign(TENANT, campaign.campaignId()))
        .extracting(Invitation::address).containsExactlyInAnyOrder("known@example.test", "given@example.test");
    assertThat(campaign.subject()).as("the survey title by default").isEqualTo("Your delivery");
    assertThat(nudges).isEqualTo(1);
  }

  @Test
  void aCustomerWithoutAnAddressOrAnAddressGivenTwiceIsNamedAndNothingIsStored() {
    assertThatThrownBy(() -> manage.create(TENANT, "dist", email(null), List.of(
        new Recipient("unknown", "", "", ""),
        new Recipient("other", "KNOWN@example.test", "", ""),
        new Recipient("known", "", "", ""))))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fields(e)).containsExactly("recipients[0].email", "recipients[2].email"));
    assertThat(store.campaigns.tenants()).isEmpty();
  }

  @Test
  void formatProblemsAreReportedTogetherBeforeAnyLookUp() {
    assertThatThrownBy(() -> manage.create(TENANT, "dist",
        new ManageCampaigns.NewCampaign("", Channel.SMS, "", "x".repeat(481), "de", Duration.ofMinutes(5)),
        List.of(new Recipient("", "", "0612345678", ""), new Recipient("", "", "", ""))))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(fields(e)).containsExactlyInAnyOrder("campaign.message", "campaign.language",
            "campaign.reminder_after", "recipients[0].phone", "recipients[1].phone"));
    assertThat(lookups).isEmpty();
  }

  @Test
  void suppressedRecipientsAreStoredAsSuppressedAndNeverQueued() {
    store.add(TENANT, List.of("email:gone@example.test"), "opt-out", clock.instant());
    var campaign = manage.create(TENANT, "dist", email(Duration.ofDays(2)), List.of(
        new Recipient("a", "Gone@Example.test", "", ""), new Recipient("b", "here@example.test", "", "")));

    var byAddress = store.allOfCampaign(TENANT, campaign.campaignId());
    assertThat(byAddress).filteredOn(i -> i.address().equals("Gone@Example.test")).singleElement()
        .satisfies(i -> {
          assertThat(i.status()).isEqualTo(InvitationStatus.SUPPRESSED);
          assertThat(i.nextSendAt()).isNull();
        });
    assertThat(byAddress).filteredOn(i -> i.status() == InvitationStatus.QUEUED).hasSize(1);
  }

  @Test
  void aChannelWithoutItsServerIsRefusedRatherThanQueuedForever() {
    emailConfigured = false;
    assertThatThrownBy(() -> manage.create(TENANT, "dist", email(null), List.of(new Recipient("", "a@b.test", "", ""))))
        .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("CX_SMTP_HOST");
  }
}
