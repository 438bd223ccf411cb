package io.cxhub.metrics.grpc;

import io.cxhub.kit.error.Violations;
import io.cxhub.kit.tenant.TenantContext;
import io.cxhub.metrics.score.CompareScores;
import io.cxhub.metrics.score.GetScores;
import io.cxhub.proto.metrics.v1.CompareScoresRequest;
import io.cxhub.proto.metrics.v1.CompareScoresResponse;
import io.cxhub.proto.metrics.v1.QueryScoresRequest;
import io.cxhub.proto.metrics.v1.QueryScoresResponse;
import io.cxhub.proto.metrics.v1.ScoreServiceGrpc;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Service;

/** The cx.metrics.v1.ScoreService endpoint (tenant-scoped): maps messages, calls the use cases. */
@Service
class ScoreGrpcService extends ScoreServiceGrpc.ScoreServiceImplBase {

  private final GetScores getScores;
  private final CompareScores compareScores;

  ScoreGrpcService(GetScores getScores, CompareScores compareScores) {
    this.getScores = getScores;
    this.compareScores = compareScores;
  }

  @Override
  public void queryScores(QueryScoresRequest request, StreamObserver<QueryScoresResponse> response) {
    var table = getScores.query(TenantContext.require(), ScoreProtoMapper.toQuery(request));
    response.onNext(ScoreProtoMapper.toProto(table));
    response.onCompleted();
  }

  @Override
  public void compareScores(CompareScoresRequest request, StreamObserver<CompareScoresResponse> response) {
    String tenantId = TenantContext.require();
    var violations = new Violations();
    var kind = ScoreProtoMapper.kind(request.getMetric(), violations);
    var a = ScoreProtoMapper.toFilter(request.getA(), "a", violations);
    var b = request.hasB() ? ScoreProtoMapper.toFilter(request.getB(), "b", violations) : null;
    violations.throwIfAny();
    var comparison = compareScores.compare(tenantId, kind, ScoreProtoMapper.measure(request.getMeasure()), a, b);
    response.onNext(ScoreProtoMapper.toProto(comparison));
    response.onCompleted();
  }
}
