package io.cxhub.kit.logging;

import io.cxhub.kit.tenant.TenantContext;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import org.slf4j.MDC;

/**
 * Puts the call's tenant and request id in the logs' MDC while the call's code runs (each
 * listener callback, on whatever thread gRPC runs it), so that every line a service logs
 * for a request names them, as fields of structured logs. Trace and span ids are put there
 * by Micrometer Tracing's observation of the call.
 */
public final class LogContextServerInterceptor implements ServerInterceptor {

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String requestId = headers.get(LogContext.REQUEST_ID_KEY);
    requestId = LogContext.isAcceptable(requestId) ? requestId : null;
    String tenant = headers.get(TenantContext.METADATA_KEY);
    tenant = TenantContext.isValid(tenant) ? tenant : null;
    if (requestId == null && tenant == null) {
      return next.startCall(call, headers);
    }
    Context context = requestId == null ? Context.current() : Context.current().withValue(LogContext.REQUEST_ID, requestId);
    var listener = Contexts.interceptCall(context, call, headers, next);
    return new MdcListener<>(listener, tenant, requestId);
  }

  private static final class MdcListener<Q> extends SimpleForwardingServerCallListener<Q> {
    private final String tenant;
    private final String requestId;

    MdcListener(ServerCall.Listener<Q> delegate, String tenant, String requestId) {
      super(delegate);
      this.tenant = tenant;
      this.requestId = requestId;
    }

    private void run(Runnable callback) {
      String previousTenant = MDC.get(LogContext.MDC_TENANT);
      String previousRequest = MDC.get(LogContext.MDC_REQUEST_ID);
      put(LogContext.MDC_TENANT, tenant);
      put(LogContext.MDC_REQUEST_ID, requestId);
      try {
        callback.run();
      } finally {
        restore(LogContext.MDC_TENANT, previousTenant);
        restore(LogContext.MDC_REQUEST_ID, previousRequest);
      }
    }

    private static void put(String key, String value) {
      if (value != null) {
        MDC.put(key, value);
      }
    }

    private static void restore(String key, String previous) {
      if (previous == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, previous);
      }
    }

    @Override
    public void onMessage(Q message) {
      run(() -> super.onMessage(message));
    }

    @Override
    public void onHalfClose() {
      run(super::onHalfClose);
    }

    @Override
    public void onCancel() {
      run(super::onCancel);
    }

    @Override
    public void onComplete() {
      run(super::onComplete);
    }

    @Override
    public void onReady() {
      run(super::onReady);
    }
  }
}
