package io.cxhub.kit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.cxhub.kit.grpc.BadRequests;
import io.cxhub.kit.error.GrpcErrorMapping;
import io.cxhub.kit.grpc.TextFieldsServerInterceptor;
import io.cxhub.kit.logging.LogContextServerInterceptor;
import io.cxhub.kit.mongo.MongoSupport;
import io.cxhub.kit.tenant.LoopbackOnlyServerInterceptor;
import io.cxhub.kit.tenant.TenantClientInterceptor;
import io.cxhub.kit.tenant.TenantServerInterceptor;
import io.cxhub.kit.trace.TraceParents;
import io.cxhub.kit.trust.CallerTokens;
import io.cxhub.kit.trust.TrustKeys;
import io.grpc.BindableService;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.client.GrpcChannelBuilderCustomizer;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * What every CX Hub service gets by depending on the kit: tenant scoping of gRPC calls
 * in and out, domain-exception mapping, the service's own MongoDB database (from
 * {@code spring.data.mongodb.uri}, whose path names the database) and its readiness check,
 * tenant and request id in the logs' MDC, the trace context for outboxes
 * ({@link TraceParents}), and a UTC {@link Clock} to inject.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class)
public class CxServiceAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CxServiceAutoConfiguration.class);

  /**
   * The keys of service-to-service trust: from {@code cx.trust.signing-key} (this
   * principal's key pair, PEM) and {@code cx.trust.trusted-keys} (comma-separated PEM
   * files or folders of the public keys trusted), or, when no signing key is set,
   * ephemeral keys trusted only inside this JVM (the one-jar run, tests).
   */
  @Bean
  @ConditionalOnMissingBean
  TrustKeys trustKeys(@Value("${cx.trust.principal:${spring.application.name:}}") String principal,
      @Value("${cx.trust.signing-key:}") String signingKey, @Value("${cx.trust.trusted-keys:}") String trustedKeys) {
    List<Path> trusted = Arrays.stream(trustedKeys.split(",")).map(String::strip).filter(p -> !p.isEmpty())
        .map(Path::of).toList();
    if (signingKey.isBlank()) {
      log.info("service-to-service trust: no cx.trust.signing-key, so '{}' signs with an ephemeral key trusted "
          + "only inside this JVM; from other processes only callers whose public key is in cx.trust.trusted-keys "
          + "({} paths) are accepted", principal, trusted.size());
      return TrustKeys.ephemeral(principal, trusted);
    }
    if (trusted.isEmpty()) {
      throw new IllegalStateException("cx.trust.signing-key is set but cx.trust.trusted-keys is not: "
          + "name the public keys of the gateway and of the peer services to trust");
    }
    TrustKeys keys = TrustKeys.fromFiles(principal, Path.of(signingKey.strip()), trusted);
    log.info("service-to-service trust: '{}' signs with key {} and trusts {} public keys", principal,
        keys.signingKey().getKeyID(), keys.trustedCount());
    return keys;
  }

  @Bean
  @ConditionalOnMissingBean
  CallerTokens callerTokens(TrustKeys keys, @Value("${cx.trust.token-ttl:90s}") Duration ttl) {
    // the system clock, not the injectable domain Clock: token lives are real time
    return new CallerTokens(keys, Clock.systemUTC(), ttl);
  }

  @Bean
  @GlobalServerInterceptor
  @Order(Ordered.HIGHEST_PRECEDENCE + 100)
  TenantServerInterceptor tenantServerInterceptor(CallerTokens tokens) {
    return new TenantServerInterceptor(tokens);
  }

  @Bean
  @GlobalServerInterceptor
  @Order(Ordered.HIGHEST_PRECEDENCE)
  @ConditionalOnProperty(name = "cx.grpc.loopback-only", havingValue = "true")
  LoopbackOnlyServerInterceptor loopbackOnlyServerInterceptor() {
    return new LoopbackOnlyServerInterceptor();
  }

  @Bean
  @GlobalServerInterceptor
  @Order(Ordered.HIGHEST_PRECEDENCE + 150)
  LogContextServerInterceptor logContextServerInterceptor() {
    return new LogContextServerInterceptor();
  }

  /**
   * The service's part of data-subject requests (the internal cx.common.v1.SubjectDataService),
   * served when the service declares its {@link io.cxhub.kit.subject.SubjectParts}.
   */
  @Bean
  @ConditionalOnBean(io.cxhub.kit.subject.SubjectParts.class)
  io.cxhub.kit.subject.SubjectDataGrpcService subjectDataGrpcService(io.cxhub.kit.subject.SubjectParts parts) {
    return new io.cxhub.kit.subject.SubjectDataGrpcService(parts);
  }

  /** Trace context stored with asynchronous work (outboxes) and continued by its worker. */
  @Bean
  @ConditionalOnMissingBean
  TraceParents traceParents(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    Tracer t = tracer.getIfAvailable();
    Propagator p = propagator.getIfAvailable();
    return t == null || p == null ? TraceParents.NOOP : new TraceParents(t, p);
  }

  @Bean
  @GlobalServerInterceptor
  @Order(Ordered.HIGHEST_PRECEDENCE + 200)
  TextFieldsServerInterceptor textFieldsServerInterceptor() {
    return new TextFieldsServerInterceptor();
  }

  /** Peers' INVALID_ARGUMENT trailers may reach {@link BadRequests#MAX_TRAILER_BYTES} (8 KiB by default). */
  @Bean
  <T extends io.grpc.ManagedChannelBuilder<T>> GrpcChannelBuilderCustomizer<T> trailerSizeChannelCustomizer() {
    return (authority, builder) -> builder.maxInboundMetadataSize(BadRequests.MAX_TRAILER_BYTES);
  }

  @Bean
  @GlobalClientInterceptor
  TenantClientInterceptor tenantClientInterceptor(CallerTokens tokens) {
    return new TenantClientInterceptor(tokens);
  }

  /**
   * gRPC reflection v1alpha next to the v1 service Spring gRPC registers: older clients
   * (grpcurl before 1.8.8, Evans, some IDE plugins) only speak v1alpha.
   */
  @Bean
  @SuppressWarnings("deprecation")
  BindableService grpcReflectionV1Alpha() {
    return io.grpc.protobuf.services.ProtoReflectionService.newInstance();
  }

  @Bean
  GrpcErrorMapping grpcErrorMapping() {
    return new GrpcErrorMapping();
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnBean(MongoClient.class)
  @ConditionalOnMissingBean
  MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
    return MongoSupport.database(client, properties.getMongoClientDatabase());
  }

  @Bean(name = "mongoHealthIndicator")
  @ConditionalOnBean(MongoDatabase.class)
  HealthIndicator mongoHealthIndicator(MongoDatabase database) {
    return MongoSupport.healthIndicator(database);
  }
}
