package io.cxhub.persona.persona.config;

import io.cxhub.kit.work.PeriodicWorker;
import io.cxhub.kit.work.WorkerLifecycle;
import io.cxhub.persona.customer.CustomerDirectory;
import io.cxhub.persona.customer.grpc.CustomerSubjectData;
import io.cxhub.persona.subject.DataSubjectRequests;
import io.cxhub.persona.subject.SubjectRequests;
import io.cxhub.persona.subject.grpc.CallerKeyInterceptor;
import io.cxhub.persona.subject.grpc.SubjectDataClient;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.server.GlobalServerInterceptor;

/**
 * Wires data-subject requests: persona-service's own part, one client per other service
 * holding personal data (survey, metrics, journey), and the worker that runs the parts.
 */
@Configuration(proxyBeanMethods = false)
class DataSubjectConfiguration {

  @Bean
  CustomerSubjectData customerSubjectData(CustomerDirectory directory) {
    return new CustomerSubjectData(directory);
  }

  @Bean
  @GlobalServerInterceptor
  CallerKeyInterceptor callerKeyInterceptor() {
    return new CallerKeyInterceptor();
  }

  /** The parts of one request run in parallel, one thread per service at most per request. */
  @Bean(destroyMethod = "shutdownNow")
  ExecutorService dataSubjectExecutor() {
    var count = new AtomicInteger();
    return Executors.newFixedThreadPool(8, r -> {
      var thread = new Thread(r, "data-subject-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Bean
  PeriodicWorker dataSubjectWorker(PersonaProperties properties, org.springframework.beans.factory.ObjectProvider<DataSubjectRequests> requests) {
    return new PeriodicWorker("data-subject-requests", properties.dataSubject().period(),
        () -> requests.getObject().tick());
  }

  /** Runs the parts of due requests; off with cx.persona.data-subject.enabled=false. */
  @Bean
  WorkerLifecycle dataSubjectLifecycle(PeriodicWorker dataSubjectWorker, PersonaProperties properties) {
    return new WorkerLifecycle(dataSubjectWorker, properties.dataSubject().enabled());
  }

  @Bean
  DataSubjectRequests dataSubjectRequests(SubjectRequests store, CustomerSubjectData persona,
      CustomerDirectory directory, GrpcChannelFactory channels, CircuitBreakerRegistry circuitBreakers,
      @Value("${cx.peers.survey}") String survey, @Value("${cx.peers.metrics}") String metrics,
      @Value("${cx.peers.journey}") String journey, ExecutorService dataSubjectExecutor,
      PeriodicWorker dataSubjectWorker, PersonaProperties properties, Clock clock) {
    var settings = properties.dataSubject();
    var deadline = settings.deadline();
    // channels from Spring gRPC's factory (which shuts them down), like the metrics client's
    var others = List.<io.cxhub.persona.subject.SubjectData>of(
        new SubjectDataClient("survey", channels.createChannel(survey), circuitBreakers.circuitBreaker("subject-data-survey"), deadline),
        new SubjectDataClient("metrics", channels.createChannel(metrics), circuitBreakers.circuitBreaker("metrics"), deadline),
        new SubjectDataClient("journey", channels.createChannel(journey), circuitBreakers.circuitBreaker("subject-data-journey"), deadline));
    return new DataSubjectRequests(store, persona, others, directory::known, dataSubjectExecutor, clock,
        new DataSubjectRequests.Settings(settings.firstRetry(), settings.maxRetry(), settings.stallAfter(),
            settings.exportRetention()),
        dataSubjectWorker::nudge);
  }
}
