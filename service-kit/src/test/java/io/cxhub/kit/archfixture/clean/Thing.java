package io.cxhub.kit.archfixture.clean;

import io.cxhub.kit.domain.Channel;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.text.NameKey;

public record Thing(String name, Channel channel) {

  public Thing {
    if (channel == Channel.UNSPECIFIED) {
      throw InvalidInputException.of("channel", "is required");
    }
  }

  public String nameKey() {
    return NameKey.of(name);
  }
}
