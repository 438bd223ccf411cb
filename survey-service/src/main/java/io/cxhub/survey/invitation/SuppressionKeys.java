package io.cxhub.survey.invitation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The suppression-list keys of a recipient: its address, and its customer when known. */
public final class SuppressionKeys {

  private SuppressionKeys() {}

  /** {@code email:<lower-case address>} or {@code phone:+<digits>}, and {@code customer:<id>}. */
  public static List<String> of(Invitation invitation) {
    return of(invitation.channel(), invitation.address(), invitation.customerId());
  }

  public static List<String> of(io.cxhub.kit.domain.Channel channel, String address, String customerId) {
    var keys = new ArrayList<String>();
    if (channel == io.cxhub.kit.domain.Channel.EMAIL) {
      keys.add("email:" + address.strip().toLowerCase(Locale.ROOT));
    } else {
      keys.add("phone:" + address.strip());
    }
    if (customerId != null && !customerId.isEmpty()) {
      keys.add("customer:" + customerId);
    }
    return keys;
  }
}
