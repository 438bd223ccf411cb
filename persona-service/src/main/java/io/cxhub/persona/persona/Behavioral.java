package io.cxhub.persona.persona;

import io.cxhub.kit.domain.Channel;
import java.util.List;

/** How the persona behaves online and across channels. */
public record Behavioral(
    List<Channel> preferredChannels,
    String webEngagement,
    String socialMediaProfile,
    List<String> devices) {

  public static final Behavioral EMPTY = new Behavioral(List.of(), "", "", List.of());

  public Behavioral {
    preferredChannels = Texts.copy(preferredChannels);
    webEngagement = Texts.clean(webEngagement);
    socialMediaProfile = Texts.clean(socialMediaProfile);
    devices = Texts.clean(devices);
  }
}
