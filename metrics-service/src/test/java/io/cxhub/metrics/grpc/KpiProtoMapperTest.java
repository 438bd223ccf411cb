package io.cxhub.metrics.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.util.JsonFormat;
import io.cxhub.kit.error.FieldViolation;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.metrics.kpi.KpiDimension;
import io.cxhub.proto.metrics.v1.KpiFilter;
import io.cxhub.proto.metrics.v1.QueryKpisRequest;
import org.junit.jupiter.api.Test;

class KpiProtoMapperTest {

  @Test
  void readsTheCustomerDimensionsAndFilters() {
    var query = KpiProtoMapper.toQuery(QueryKpisRequest.newBuilder()
        .addGroupBy(io.cxhub.proto.metrics.v1.KpiDimension.KPI_DIMENSION_VALUE_TIER)
        .addGroupBy(io.cxhub.proto.metrics.v1.KpiDimension.KPI_DIMENSION_PERSONA)
        .addGroupBy(io.cxhub.proto.metrics.v1.KpiDimension.KPI_DIMENSION_SEGMENT)
        .setFilter(KpiFilter.newBuilder().addSegments("smb").addPersonas("p-busy")
            .addValueTiers("at_risk").addValueTiers("unassigned"))
        .build());

    assertThat(query.groupBy()).containsExactly(KpiDimension.VALUE_TIER, KpiDimension.PERSONA, KpiDimension.SEGMENT);
    assertThat(query.filter().segments()).containsExactly("smb");
    assertThat(query.filter().personas()).containsExactly("p-busy");
    assertThat(query.filter().valueTiers()).containsExactlyInAnyOrder("at_risk", "unassigned");
  }

  @Test
  void readsTheRestBodyAPartnerSends() throws Exception {
    // the gateway transcodes POST /v1/kpis:query with the proto JSON mapping
    var request = QueryKpisRequest.newBuilder();
    JsonFormat.parser().merge("{\"groupBy\": [\"KPI_DIMENSION_VALUE_TIER\"], \"families\": [\"KPI_FAMILY_SUPPORT\"],"
        + " \"filter\": {\"valueTiers\": [\"at_risk\"], \"personas\": [\"p-busy\"], \"segments\": [\"smb\"]}}",
        request);

    var query = KpiProtoMapper.toQuery(request.build());

    assertThat(query.groupBy()).containsExactly(KpiDimension.VALUE_TIER);
    assertThat(query.filter().valueTiers()).containsExactly("at_risk");
  }

  @Test
  void theValueTiersAreThoseOfPersonaServiceAndUnassigned() {
    assertThat(KpiProtoMapper.VALUE_TIERS).containsExactly(
        "at_risk", "champions", "hibernating", "lost", "loyal", "no_orders", "promising", "unassigned");
  }

  @Test
  void refusesUnknownValueTiersEmptyIdsAndUnknownDimensionsNamingEachField() {
    var error = catchThrowableOfType(InvalidInputException.class, () -> KpiProtoMapper.toQuery(
        QueryKpisRequest.newBuilder()
            .addGroupByValue(99)
            .setFilter(KpiFilter.newBuilder().addValueTiers("champions").addValueTiers("gold")
                .addSegments("").addPersonas("p".repeat(129)))
            .build()));

    assertThat(error.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
        "filter.value_tiers[1]", "filter.segments[0]", "filter.personas[0]", "group_by[0]");
    assertThat(error.violations()).filteredOn(v -> v.field().equals("filter.value_tiers[1]"))
        .singleElement().satisfies(v -> assertThat(v.description()).contains("champions").contains("'gold'"));
  }
}
