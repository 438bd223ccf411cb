package io.cxhub.kit.grpc;

import com.google.protobuf.Message;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusException;

/**
 * Refuses, for direct gRPC callers, any request whose string fields hold a NUL character
 * or a lone surrogate ({@link TextFields}), with INVALID_ARGUMENT naming each field, before
 * the service sees it: nothing is stored half-way. REST callers are refused earlier, by
 * the gateway's JSON reader, with the JSON field names.
 */
public final class TextFieldsServerInterceptor implements ServerInterceptor {

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      private boolean refused;

      @Override
      public void onMessage(Q message) {
        if (refused) {
          return;
        }
        if (message instanceof Message proto) {
          var violations = TextFields.violations(proto);
          if (!violations.isEmpty()) {
            refused = true;
            StatusException status = BadRequests.invalidArgument(violations);
            call.close(status.getStatus(), status.getTrailers() == null ? new Metadata() : status.getTrailers());
            return;
          }
        }
        super.onMessage(message);
      }

      @Override
      public void onHalfClose() {
        if (!refused) {
          super.onHalfClose();
        }
      }
    };
  }
}
