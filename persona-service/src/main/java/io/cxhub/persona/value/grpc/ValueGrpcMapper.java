package io.cxhub.persona.value.grpc;

import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.persona.value.ValueReport;
import io.cxhub.proto.persona.v1.CustomerValueReport;
import io.cxhub.proto.persona.v1.ValueTier;
import io.cxhub.proto.persona.v1.ValueTierFigures;

/** Maps value reports and tiers to the contract. */
public final class ValueGrpcMapper {

  private ValueGrpcMapper() {}

  public static ValueTier toProto(io.cxhub.persona.customer.ValueTier tier) {
    return ValueTier.valueOf("VALUE_TIER_" + tier.name());
  }

  public static CustomerValueReport toProto(ValueReport report) {
    var reply = CustomerValueReport.newBuilder()
        .setCustomers(report.customers())
        .setScored(report.scored())
        .setComputeTime(ProtoTimestamps.toProto(report.computeTime()));
    report.tiers().forEach(t -> reply.addTiers(ValueTierFigures.newBuilder()
        .setTier(toProto(t.tier()))
        .setCustomers(t.customers())
        .setShare(report.customers() == 0 ? 0 : Math.round(10_000.0 * t.customers() / report.customers()) / 10_000.0)
        .setRevenue(t.revenue())
        .setAverageClv(t.averageClv())));
    return reply.build();
  }
}
