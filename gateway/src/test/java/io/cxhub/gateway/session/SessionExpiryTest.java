package io.cxhub.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cxhub.gateway.apikey.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Session expiry (issue 14): a session ends after the idle timeout without a request, and
 * after the absolute timeout however much it is used; an ended session is deleted. The clock
 * is moved by hand, so nothing waits.
 */
class SessionExpiryTest {

  private static final Duration IDLE = Duration.ofHours(2);
  private static final Duration ABSOLUTE = Duration.ofHours(12);

  private final Map<String, Session> stored = new HashMap<>();
  private Instant now = Instant.parse("2026-12-03T08:00:00Z");
  private SessionService service;
  private User user;

  @BeforeEach
  void setUp() {
    var sessions = new Sessions() {
      @Override
      public void insert(Session session) {
        stored.put(session.hash(), session);
      }

      @Override
      public Optional<Session> find(String hash) {
        return Optional.ofNullable(stored.get(hash));
      }

      @Override
      public void touch(String hash, Instant time) {
        stored.computeIfPresent(hash, (h, s) -> s.seenAt(time));
      }

      @Override
      public void delete(String hash) {
        stored.remove(hash);
      }

      @Override
      public void deleteForUser(String userId) {
        stored.values().removeIf(s -> s.userId().equals(userId));
      }

      @Override
      public long deleteExpired(Instant idleBefore, Instant createdBefore) {
        int before = stored.size();
        stored.values().removeIf(s -> s.lastSeenTime().isBefore(idleBefore) || s.createTime().isBefore(createdBefore));
        return before - stored.size();
      }
    };
    user = new User("u1", "acme", "pat@example.com", "Pat", Role.AGENT, Optional.of("hash"), now, Optional.empty());
    Users users = mock(Users.class);
    when(users.find("u1")).thenReturn(Optional.of(user));
    PasswordEncoder passwords = mock(PasswordEncoder.class);
    when(passwords.encode(anyString())).thenReturn("dummy");
    var clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
    var settings = new SessionProperties(true, "Strict", IDLE, ABSOLUTE, 5, 30, Duration.ofMinutes(15),
        Duration.ofDays(7), new SessionProperties.Oidc("", "", "", "", "Single sign-on"));
    service = new SessionService(users, sessions, passwords, new SecureRandom(), clock, settings);
  }

  @Test
  void aSessionLeftIdleForTheIdleTimeoutEndsAndIsDeleted() {
    String cookie = service.open(user).cookieValue();
    now = now.plus(IDLE).minusSeconds(1);
    assertThat(service.authenticate(cookie)).as("just before the idle timeout").isPresent();
    now = now.plus(IDLE);
    assertThat(service.authenticate(cookie)).as("idle for the timeout since the last request").isEmpty();
    assertThat(stored).isEmpty();
  }

  @Test
  void aSessionInUseEndsAtTheAbsoluteTimeout() {
    String cookie = service.open(user).cookieValue();
    Instant signedIn = now;
    while (now.isBefore(signedIn.plus(ABSOLUTE).minus(Duration.ofHours(1)))) {
      now = now.plus(Duration.ofHours(1));
      assertThat(service.authenticate(cookie)).as("in use at %s", now).isPresent();
    }
    now = signedIn.plus(ABSOLUTE);
    assertThat(service.authenticate(cookie)).as("12 hours after signing in, however used").isEmpty();
    assertThat(stored).isEmpty();
  }

  @Test
  void theSweepDeletesEndedSessionsOnly() {
    service.open(user);
    now = now.plus(Duration.ofHours(1));
    String fresh = service.open(user).cookieValue();
    now = now.plus(Duration.ofHours(1)).plusSeconds(1);
    assertThat(service.sweep()).isEqualTo(1);
    assertThat(service.authenticate(fresh)).isPresent();
  }

  @Test
  void loggingOutEndsTheSessionAtOnce() {
    String cookie = service.open(user).cookieValue();
    service.logout(cookie);
    assertThat(service.authenticate(cookie)).isEmpty();
  }
}
