package io.cxhub.kit.archfixture.clean.mongo;

import io.cxhub.kit.archfixture.clean.Thing;
import io.cxhub.kit.domain.Channel;
import org.bson.Document;

class ThingStore {

  Thing read(Document doc) {
    return new Thing(doc.getString("name"), Channel.fromName(doc.getString("channel")));
  }
}
