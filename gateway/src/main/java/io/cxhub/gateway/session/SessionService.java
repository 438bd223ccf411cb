package io.cxhub.gateway.session;

import io.cxhub.gateway.apikey.ApiKeySecrets;
import io.cxhub.gateway.problem.FieldViolation;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in use cases: passwords, sessions, invitations. Plain Java over the storage ports;
 * methods block (call them off the event loop).
 *
 * <p>Passwords are kept as bcrypt hashes ({@link PasswordEncoder}); a sign-in with an
 * unknown address spends the same hashing work as one with a wrong password, so response
 * times do not tell which addresses are users. A session's cookie value is 256 random bits;
 * only its SHA-256 is stored. Each session has its own CSRF token.
 */
public final class SessionService {

  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 200;
  private static final int MAX_EMAIL = 254;
  private static final int MAX_NAME = 120;
  /** Rewrite {@code lastSeenTime} at most this often: one write per minute, not per request. */
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final Users users;
  private final Sessions sessions;
  private final PasswordEncoder passwords;
  private final SecureRandom random;
  private final Clock clock;
  private final SessionProperties settings;
  private final String dummyHash;

  public SessionService(Users users, Sessions sessions, PasswordEncoder passwords, SecureRandom random, Clock clock,
      SessionProperties settings) {
    this.users = users;
    this.sessions = sessions;
    this.passwords = passwords;
    this.random = random;
    this.clock = clock;
    this.settings = settings;
    this.dummyHash = passwords.encode(randomToken());
  }

  /** A new session and the values the browser gets. */
  public record SignedIn(User user, Session session, String cookieValue) {}

  /** A request's verified session and its user (as stored now: a role change applies at once). */
  public record Authenticated(User user, Session session) {}

  /**
   * Signs a user in with e-mail address and password.
   *
   * @throws SessionException.InvalidInput for a missing address or password
   * @throws SessionException.BadCredentials for an unknown address or a wrong password
   */
  public SignedIn login(String email, String password) {
    var violations = new ArrayList<FieldViolation>();
    String address = normaliseEmail(email, "email", violations);
    if (password == null || password.isEmpty()) {
      violations.add(new FieldViolation("password", "Required."));
    } else if (password.length() > MAX_PASSWORD) {
      violations.add(new FieldViolation("password", "At most " + MAX_PASSWORD + " characters."));
    }
    failIfAny(violations);
    Optional<User> user = users.findByEmail(address);
    String hash = user.flatMap(User::passwordHash).orElse(dummyHash);
    boolean matches = passwords.matches(password, hash);
    if (user.isEmpty() || user.get().passwordHash().isEmpty() || !matches) {
      throw new SessionException.BadCredentials();
    }
    return open(user.get());
  }

  /** Opens a session for a user proven by other means (an accepted invitation, single sign-on). */
  public SignedIn open(User user) {
    String cookieValue = randomToken();
    Instant now = clock.instant();
    var session = new Session(ApiKeySecrets.hash(cookieValue), user.userId(), user.tenantId(), randomToken(), now, now);
    sessions.insert(session);
    users.recordLogin(user.userId(), now);
    return new SignedIn(user, session, cookieValue);
  }

  /** The session a cookie value opens, if it is valid now. Expired sessions are deleted. */
  public Optional<Authenticated> authenticate(String cookieValue) {
    if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
      return Optional.empty();
    }
    String hash = ApiKeySecrets.hash(cookieValue);
    Optional<Session> found = sessions.find(hash);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    final Session stored = found.get();
    Session session = stored;
    Instant now = clock.instant();
    if (!now.isBefore(session.lastSeenTime().plus(settings.idleTimeout()))
        || !now.isBefore(session.createTime().plus(settings.absoluteTimeout()))) {
      sessions.delete(hash);
      return Optional.empty();
    }
    Optional<User> user = users.find(stored.userId()).filter(u -> u.tenantId().equals(stored.tenantId()));
    if (user.isEmpty()) {
      sessions.delete(hash);
      return Optional.empty();
    }
    if (!now.isBefore(session.lastSeenTime().plus(TOUCH_EVERY))) {
      sessions.touch(hash, now);
      session = session.seenAt(now);
    }
    return Optional.of(new Authenticated(user.get(), session));
  }

  /** Ends the session of a cookie value (nothing happens for an unknown one). */
  public void logout(String cookieValue) {
    if (cookieValue != null && !cookieValue.isEmpty() && cookieValue.length() <= 100) {
      sessions.delete(ApiKeySecrets.hash(cookieValue));
    }
  }

  /** The open invitation a secret names. @throws SessionException.NotFound otherwise */
  public Invitation invitation(String secret) {
    if (secret == null || secret.isEmpty() || secret.length() > 100) {
      throw new SessionException.NotFound("This invitation does not exist, was used already or has expired.");
    }
    return users.findInvitation(ApiKeySecrets.hash(secret)).filter(i -> i.openAt(clock.instant()))
        .orElseThrow(() -> new SessionException.NotFound(
            "This invitation does not exist, was used already or has expired."));
  }

  /**
   * Accepts an invitation: creates the user with the chosen password and signs it in.
   *
   * @throws SessionException.InvalidInput for a short password or a long name
   * @throws SessionException.NotFound for an unknown, used or expired invitation
   * @throws SessionException.Conflict if the address became a user meanwhile
   */
  public SignedIn acceptInvitation(String secret, String displayName, String password) {
    var violations = new ArrayList<FieldViolation>();
    checkNewPassword(password, violations);
    String name = displayName == null ? "" : displayName.strip();
    if (name.length() > MAX_NAME) {
      violations.add(new FieldViolation("displayName", "At most " + MAX_NAME + " characters."));
    }
    failIfAny(violations);
    Invitation invitation = invitation(secret);
    if (users.findByEmail(invitation.email()).isPresent()) {
      throw new SessionException.Conflict("This e-mail address already has an account; sign in instead.");
    }
    if (!users.acceptInvitation(invitation.hash(), clock.instant())) {
      throw new SessionException.NotFound("This invitation does not exist, was used already or has expired.");
    }
    var user = new User(UUID.randomUUID().toString(), invitation.tenantId(), invitation.email(),
        name.isEmpty() ? invitation.email() : name, invitation.role(), Optional.of(passwords.encode(password)),
        clock.instant(), Optional.empty());
    if (!users.insert(user)) {
      throw new SessionException.Conflict("This e-mail address already has an account; sign in instead.");
    }
    return open(user);
  }

  /**
   * Signs in the person a single sign-on provider vouches for: the user with that e-mail
   * address or, when there is none, the person an open invitation to that address names
   * (the invitation is accepted and the user created without a password: they sign in
   * through the provider).
   *
   * @param email the address the provider asserts (and did not say is unverified)
   * @param name the name it gives, if any
   * @throws SessionException.BadCredentials if the address is neither a user nor invited
   */
  public SignedIn openForVerifiedEmail(String email, String name) {
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    Optional<User> user = users.findByEmail(address);
    if (user.isPresent()) {
      return open(user.get());
    }
    Instant now = clock.instant();
    Invitation invitation = users.findOpenInvitation(address, now).orElseThrow(SessionException.BadCredentials::new);
    if (!users.acceptInvitation(invitation.hash(), now)) {
      throw new SessionException.BadCredentials();
    }
    String displayName = name == null || name.isBlank() ? address : name.strip();
    var created = new User(UUID.randomUUID().toString(), invitation.tenantId(), address,
        displayName.length() > MAX_NAME ? displayName.substring(0, MAX_NAME) : displayName, invitation.role(),
        Optional.empty(), now, Optional.empty());
    if (!users.insert(created)) {
      // created by a concurrent sign-in meanwhile
      return users.findByEmail(address).map(this::open).orElseThrow(SessionException.BadCredentials::new);
    }
    return open(created);
  }

  /** Whether a presented CSRF token is the session's (constant time). */
  public static boolean csrfMatches(Session session, String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  /** Drops expired sessions. @return how many */
  public long sweep() {
    Instant now = clock.instant();
    return sessions.deleteExpired(now.minus(settings.idleTimeout()), now.minus(settings.absoluteTimeout()));
  }

  public SessionProperties settings() {
    return settings;
  }

  static void checkNewPassword(String password, java.util.List<FieldViolation> violations) {
    if (password == null || password.length() < MIN_PASSWORD) {
      violations.add(new FieldViolation("password", "Use at least " + MIN_PASSWORD + " characters."));
    } else if (password.length() > MAX_PASSWORD) {
      violations.add(new FieldViolation("password", "At most " + MAX_PASSWORD + " characters."));
    }
  }

  /** Lower-cased address, or a violation on {@code field}. */
  public static String normaliseEmail(String email, String field, java.util.List<FieldViolation> violations) {
    String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (address.isEmpty()) {
      violations.add(new FieldViolation(field, "Required."));
    } else if (address.length() > MAX_EMAIL || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      violations.add(new FieldViolation(field, "Not an e-mail address."));
    }
    return address;
  }

  private static void failIfAny(java.util.List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new SessionException.InvalidInput(violations);
    }
  }

  private String randomToken() {
    var bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
