package io.cxhub.gateway.testing;

import com.google.api.HttpBody;
import com.google.protobuf.ByteString;
import io.cxhub.proto.survey.v1.DistributionServiceGrpc;
import io.cxhub.proto.survey.v1.GetDistributionQrCodeRequest;
import io.cxhub.proto.survey.v1.QrCodeFormat;
import io.grpc.stub.StreamObserver;

/**
 * A distribution-service stand-in whose QR code is fixed bytes: {@link #PNG} (which holds
 * every byte value, so any text decoding on the way would show) or {@link #SVG}.
 */
public final class FakeDistributionService extends DistributionServiceGrpc.DistributionServiceImplBase {

  public static final byte[] PNG = png();
  public static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>";

  private static byte[] png() {
    var bytes = new byte[256 + 8];
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(signature, 0, bytes, 0, 8);
    for (int i = 0; i < 256; i++) {
      bytes[8 + i] = (byte) i;
    }
    return bytes;
  }

  @Override
  public void getDistributionQrCode(GetDistributionQrCodeRequest request, StreamObserver<HttpBody> response) {
    boolean svg = request.getFormat() == QrCodeFormat.QR_CODE_FORMAT_SVG;
    response.onNext(HttpBody.newBuilder()
        .setContentType(svg ? "image/svg+xml" : "image/png")
        .setData(svg ? ByteString.copyFromUtf8(SVG) : ByteString.copyFrom(PNG))
        .build());
    response.onCompleted();
  }
}
