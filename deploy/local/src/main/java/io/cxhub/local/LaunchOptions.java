package io.cxhub.local;

import java.util.List;

/**
 * The launcher's command-line arguments. Everything else is configured by environment
 * variables ({@link LocalConfig#fromEnvironment}), as in Compose and Kubernetes.
 *
 * @param demo load the demo tenant once the hub is up ({@code --demo})
 * @param help print the usage and exit ({@code --help}, {@code -h})
 */
record LaunchOptions(boolean demo, boolean help) {

  static final String USAGE = """
      Usage: java -jar cx-hub.jar [--demo] [--help]

        --demo      also load the demo tenant (a French online retailer, twelve months of
                    feedback, e-mail and SMS invitation campaigns) and print the dashboard's
                    address and sign-in; safe to repeat. Without CX_SMTP_HOST / CX_SMS_URL its
                    messages go to <data>/demo-mail and <data>/demo-sms, never out
        --help, -h  print this help and exit

      Settings are environment variables, for example:
        CX_DATA_DIR        folder of the data file (default ./data)
        GATEWAY_PORT       the gateway's HTTP port (default 8080)
        GATEWAY_ADDRESS    127.0.0.1 (default) or 0.0.0.0 to accept other machines
        CX_PUBLIC_URL      the address respondents reach the hub at (survey links, QR codes)
        CX_SMTP_HOST ...   e-mail for survey and dashboard invitations
        CX_OIDC_ISSUER ... single sign-on for the dashboard
      The full list: deploy/local/README.md.
      """;

  /** @throws IllegalArgumentException naming the argument it does not know */
  static LaunchOptions parse(String... args) {
    boolean demo = false;
    boolean help = false;
    for (String arg : List.of(args)) {
      switch (arg) {
        case "--demo" -> demo = true;
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    return new LaunchOptions(demo, help);
  }
}
