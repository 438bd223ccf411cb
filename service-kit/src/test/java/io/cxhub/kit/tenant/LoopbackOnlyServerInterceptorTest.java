package io.cxhub.kit.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.inprocess.InProcessSocketAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class LoopbackOnlyServerInterceptorTest {

  @Test
  void acceptsLoopbackPeers() {
    assertThat(LoopbackOnlyServerInterceptor.isLocal(new InetSocketAddress("127.0.0.1", 5000))).isTrue();
    assertThat(LoopbackOnlyServerInterceptor.isLocal(new InetSocketAddress("::1", 5000))).isTrue();
    assertThat(LoopbackOnlyServerInterceptor.isLocal(new InProcessSocketAddress("gateway"))).isTrue();
  }

  @Test
  void refusesPeersFromOtherHostsAndUnknownPeers() {
    assertThat(LoopbackOnlyServerInterceptor.isLocal(new InetSocketAddress("192.0.2.10", 5000))).isFalse();
    assertThat(LoopbackOnlyServerInterceptor.isLocal(new InetSocketAddress("10.1.2.3", 5000))).isFalse();
    assertThat(LoopbackOnlyServerInterceptor.isLocal(null)).isFalse();
  }
}
