package io.cxhub.gateway.web;

import io.cxhub.gateway.problem.ProblemException;
import io.cxhub.gateway.problem.ProblemWriter;
import io.cxhub.gateway.problem.Problems;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;

/**
 * {@code RequestBodyLimit} route filter: refuses bodies larger than
 * {@code cx.gateway.max-request-body} with 413. A declared {@code Content-Length} is
 * checked at once; a chunked body is counted as it is read, and reading fails with the
 * same problem once it passes the limit, so that no oversized body is ever buffered.
 */
public class RequestBodyLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

  private final long maxBytes;
  private final ProblemWriter problems;

  public RequestBodyLimitGatewayFilterFactory(DataSize max, ProblemWriter problems) {
    super(Object.class);
    this.maxBytes = max.toBytes();
    this.problems = problems;
  }

  @Override
  public GatewayFilter apply(Object config) {
    return (exchange, chain) -> {
      long declared = exchange.getRequest().getHeaders().getContentLength();
      if (declared > maxBytes) {
        return problems.write(exchange, Problems.payloadTooLarge(tooLarge()));
      }
      ServerHttpRequest limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
        @Override
        public Flux<DataBuffer> getBody() {
          return Flux.defer(() -> {
            var total = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
              if (total.addAndGet(buffer.readableByteCount()) > maxBytes) {
                DataBufferUtils.release(buffer);
                sink.error(new ProblemException(Problems.payloadTooLarge(tooLarge())));
              } else {
                sink.next(buffer);
              }
            });
          });
        }
      };
      return chain.filter(exchange.mutate().request(limited).build());
    };
  }

  private String tooLarge() {
    return "The request body is larger than " + maxBytes + " bytes.";
  }
}
