package io.cxhub.kit.archfixture.leaky;

import io.cxhub.kit.archfixture.leaky.mongo.LeakyStore;

class DomainUsingItsAdapter {

  LeakyStore store;
}
