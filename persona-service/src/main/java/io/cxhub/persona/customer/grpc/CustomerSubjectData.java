package io.cxhub.persona.customer.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.cxhub.persona.customer.CustomerDirectory;
import io.cxhub.persona.subject.SubjectData;

/**
 * persona-service's own part of data-subject requests: the customer's profile. Erasure
 * deletes it and keeps a tombstone ({@link CustomerDirectory#erase}); a subject persona-service
 * never knew has nothing to erase here. The export is the profile as the API shows it.
 */
public final class CustomerSubjectData implements SubjectData {

  private final CustomerDirectory directory;

  public CustomerSubjectData(CustomerDirectory directory) {
    this.directory = directory;
  }

  @Override
  public String service() {
    return "persona";
  }

  @Override
  public long erase(String tenantId, String customerId, String requestId) {
    if (!directory.known(tenantId, customerId)) {
      return 0;
    }
    return directory.erase(tenantId, customerId) ? 1 : 0;
  }

  @Override
  public Section export(String tenantId, String customerId, String requestId) {
    var customer = directory.find(tenantId, customerId);
    if (customer.isEmpty()) {
      return new Section("{\"customers\":[]}", 0);
    }
    try {
      String profile = JsonFormat.printer().print(CustomerProtoMapper.toProto(customer.get()));
      return new Section("{\"customers\":[" + profile + "]}", 1);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("customer profile not printable as JSON", e);
    }
  }
}
