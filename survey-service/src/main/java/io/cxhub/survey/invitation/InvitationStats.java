package io.cxhub.survey.invitation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Counts and rates of a set of invitations. The response rate is responded / delivered:
 * an invitation that never reached anyone cannot be answered.
 *
 * @param medianTimeToRespond from the invitation's send to the response; null when no
 *     response
 */
public record InvitationStats(
    long invited,
    long sent,
    long delivered,
    long bounced,
    long failed,
    long suppressed,
    long queued,
    long opened,
    long responded,
    long reminded,
    double responseRate,
    double openRate,
    Duration medianTimeToRespond,
    Duration p90TimeToRespond,
    Duration meanTimeToRespond) {

  public static InvitationStats of(Collection<Invitation> invitations) {
    long sent = 0;
    long delivered = 0;
    long bounced = 0;
    long failed = 0;
    long suppressed = 0;
    long queued = 0;
    long opened = 0;
    long responded = 0;
    long reminded = 0;
    List<Duration> times = new ArrayList<>();
    for (Invitation i : invitations) {
      InvitationStatus s = i.status();
      sent += s.wasSent() ? 1 : 0;
      delivered += s == InvitationStatus.DELIVERED ? 1 : 0;
      bounced += s == InvitationStatus.BOUNCED ? 1 : 0;
      failed += s == InvitationStatus.FAILED ? 1 : 0;
      suppressed += s == InvitationStatus.SUPPRESSED ? 1 : 0;
      queued += s == InvitationStatus.QUEUED || s == InvitationStatus.SENDING ? 1 : 0;
      opened += i.openedAt() != null ? 1 : 0;
      reminded += i.reminderStatus() == ReminderStatus.SENT ? 1 : 0;
      if (i.respondedAt() != null) {
        responded++;
        if (i.sentAt() != null && !i.respondedAt().isBefore(i.sentAt())) {
          times.add(Duration.between(i.sentAt(), i.respondedAt()));
        }
      }
    }
    times.sort(null);
    // an uncertain send may well have arrived: it counts as reached
    long reached = delivered + invitations.stream().filter(i -> i.status() == InvitationStatus.UNCERTAIN).count();
    return new InvitationStats(invitations.size(), sent, delivered, bounced, failed, suppressed, queued, opened,
        responded, reminded,
        reached == 0 ? 0 : Math.min(1.0, (double) responded / reached),
        reached == 0 ? 0 : Math.min(1.0, (double) opened / reached),
        percentile(times, 50), percentile(times, 90), mean(times));
  }

  /** Nearest rank. */
  private static Duration percentile(List<Duration> sorted, int p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static Duration mean(List<Duration> times) {
    if (times.isEmpty()) {
      return null;
    }
    long total = 0;
    for (Duration d : times) {
      total += d.toMillis();
    }
    return Duration.ofMillis(total / times.size());
  }
}
