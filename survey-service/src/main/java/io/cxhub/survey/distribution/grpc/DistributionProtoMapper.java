package io.cxhub.survey.distribution.grpc;

import io.cxhub.survey.distribution.Branding;

/** Maps page branding between the contract and the domain. */
public final class DistributionProtoMapper {

  private DistributionProtoMapper() {}

  public static io.cxhub.proto.survey.v1.Branding toProto(Branding b) {
    return io.cxhub.proto.survey.v1.Branding.newBuilder()
        .setName(b.name())
        .setLogoUrl(b.logoUrl())
        .setColor(b.color())
        .setReviewUrl(b.reviewUrl())
        .build();
  }

  static Branding toDomain(io.cxhub.proto.survey.v1.Branding b) {
    return new Branding(b.getName(), b.getLogoUrl(), b.getColor(), b.getReviewUrl());
  }
}
