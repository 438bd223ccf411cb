package io.cxhub.kit.archfixture.leaky.grpc;

import org.bson.Document;

class LeakyEndpoint {

  Document document;
}
