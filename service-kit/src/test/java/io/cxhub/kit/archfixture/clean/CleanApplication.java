package io.cxhub.kit.archfixture.clean;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
class CleanApplication {

  static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(CleanApplication.class);
  }
}
