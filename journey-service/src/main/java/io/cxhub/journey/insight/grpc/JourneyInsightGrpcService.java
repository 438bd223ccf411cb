package io.cxhub.journey.insight.grpc;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import io.cxhub.journey.insight.DayRange;
import io.cxhub.journey.insight.JourneyInsights;
import io.cxhub.journey.insight.JourneyTables;
import io.cxhub.journey.insight.KeyDrivers;
import io.cxhub.journey.insight.export.JourneyImages;
import io.cxhub.journey.journey.JourneyCatalog;
import io.cxhub.kit.error.InvalidInputException;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.proto.journey.v1.ExportJourneyImageRequest;
import io.cxhub.proto.journey.v1.ExportJourneyTableRequest;
import io.cxhub.proto.journey.v1.FrictionReport;
import io.cxhub.proto.journey.v1.GetFrictionRequest;
import io.cxhub.proto.journey.v1.GetJourneyTablesRequest;
import io.cxhub.proto.journey.v1.GetKeyDriversRequest;
import io.cxhub.proto.journey.v1.GetLiveJourneyRequest;
import io.cxhub.proto.journey.v1.ImageFormat;
import io.cxhub.proto.journey.v1.JourneyImageView;
import io.cxhub.proto.journey.v1.JourneyInsightServiceGrpc;
import io.cxhub.proto.journey.v1.JourneyTable;
import io.cxhub.proto.journey.v1.KeyDriverAnalysis;
import io.cxhub.proto.journey.v1.LiveJourney;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Service;

/** The {@code cx.journey.v1.JourneyInsightService} endpoint: maps messages, delegates to the use cases. */
@Service
class JourneyInsightGrpcService extends JourneyInsightServiceGrpc.JourneyInsightServiceImplBase {

  private final JourneyInsights insights;
  private final KeyDrivers keyDrivers;
  private final JourneyCatalog catalog;

  JourneyInsightGrpcService(JourneyInsights insights, KeyDrivers keyDrivers, JourneyCatalog catalog) {
    this.insights = insights;
    this.keyDrivers = keyDrivers;
    this.catalog = catalog;
  }

  @Override
  public void getLiveJourney(GetLiveJourneyRequest request, StreamObserver<LiveJourney> response) {
    String tenant = TenantContext.require();
    var slice = InsightProtoMapper.toSlice(request.getSlice(), insights.today());
    reply(response, InsightProtoMapper.toProto(insights.live(tenant, request.getJourneyId(), slice)));
  }

  @Override
  public void getFriction(GetFrictionRequest request, StreamObserver<FrictionReport> response) {
    String tenant = TenantContext.require();
    var slice = InsightProtoMapper.toSlice(request.getSlice(), insights.today());
    reply(response, InsightProtoMapper.toProto(insights.friction(tenant, request.getJourneyId(), slice)));
  }

  @Override
  public void getKeyDrivers(GetKeyDriversRequest request, StreamObserver<KeyDriverAnalysis> response) {
    String tenant = TenantContext.require();
    catalog.get(tenant, request.getJourneyId());
    if (request.getSurveyId().isBlank()) {
      throw InvalidInputException.of("survey_id", "is required");
    }
    int size = request.getSampleSize() == 0 ? 2000 : request.getSampleSize();
    if (size < 50 || size > 5000) {
      throw InvalidInputException.of("sample_size", "must be from 50 to 5,000");
    }
    var period = DayRange.parse("period", request.getPeriod().getStartDate(), request.getPeriod().getEndDate(),
        insights.today());
    var analysis = keyDrivers.analyse(tenant, request.getSurveyId(), request.getOverallQuestionId(), period, size);
    reply(response, InsightProtoMapper.toProto(request.getSurveyId(), analysis));
  }

  @Override
  public void getJourneyTables(GetJourneyTablesRequest request,
      StreamObserver<io.cxhub.proto.journey.v1.JourneyTables> response) {
    String tenant = TenantContext.require();
    var slice = InsightProtoMapper.toSlice(request.getSlice(), insights.today());
    reply(response, InsightProtoMapper.toProto(insights.tables(tenant, request.getJourneyId(), slice)));
  }

  @Override
  public void exportJourneyTable(ExportJourneyTableRequest request, StreamObserver<HttpBody> response) {
    String tenant = TenantContext.require();
    var slice = InsightProtoMapper.toSlice(request.getSlice(), insights.today());
    var tables = insights.tables(tenant, request.getJourneyId(), slice);
    String csv = request.getTable() == JourneyTable.JOURNEY_TABLE_LOYALTY
        ? JourneyTables.loyaltyCsv(tables) : JourneyTables.irritantsCsv(tables);
    reply(response, HttpBody.newBuilder().setContentType("text/csv; charset=utf-8")
        .setData(ByteString.copyFrom(csv, StandardCharsets.UTF_8)).build());
  }

  @Override
  public void exportJourneyImage(ExportJourneyImageRequest request, StreamObserver<HttpBody> response) {
    String tenant = TenantContext.require();
    var slice = InsightProtoMapper.toSlice(request.getSlice(), insights.today());
    String svg = insights.svg(tenant, request.getJourneyId(), slice,
        request.getView() == JourneyImageView.JOURNEY_IMAGE_VIEW_BLUEPRINT);
    var body = request.getFormat() == ImageFormat.IMAGE_FORMAT_PNG
        ? HttpBody.newBuilder().setContentType("image/png").setData(ByteString.copyFrom(JourneyImages.png(svg)))
        : HttpBody.newBuilder().setContentType("image/svg+xml; charset=utf-8")
            .setData(ByteString.copyFrom(svg, StandardCharsets.UTF_8));
    reply(response, body.build());
  }

  private static <T> void reply(StreamObserver<T> response, T message) {
    response.onNext(message);
    response.onCompleted();
  }
}
