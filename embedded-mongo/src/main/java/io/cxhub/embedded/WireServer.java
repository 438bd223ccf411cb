package io.cxhub.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.UnorderedThreadPoolEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The wire-protocol server of the embedded MongoDB, with the same Netty pipeline as
 * mongo-java-server's {@code MongoServer} except where commands run. There, each connection
 * is served on its I/O event loop, and the loops are shared by every connection: one long
 * command (a scan, an index build) stalls every other connection on the same loop, whatever
 * database it uses. Here the I/O loops only decode and encode; commands run on a pool of
 * {@value #COMMAND_THREADS} threads taken by whichever request comes next, so a long command
 * occupies one thread, and calls on other collections go on (the backend locks per
 * collection). A client sends one request at a time per connection, so the order of one
 * connection's replies is kept.
 */
final class WireServer implements AutoCloseable {

  static final int COMMAND_THREADS = 16;

  private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("embedded-mongo-accept", true));
  private final EventLoopGroup io = new NioEventLoopGroup(2, new DefaultThreadFactory("embedded-mongo-io", true));
  private final UnorderedThreadPoolEventExecutor commands =
      new UnorderedThreadPoolEventExecutor(COMMAND_THREADS, new DefaultThreadFactory("embedded-mongo-command", true));
  private final ChannelGroup clients = new DefaultChannelGroup("embedded-mongo-clients", io.next());
  private final Channel listener;

  WireServer(MongoBackend backend, InetSocketAddress address) {
    try {
      this.listener = new ServerBootstrap()
          .group(boss, io)
          .channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 100)
          .localAddress(address)
          .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            public void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(new MongoWireReplyEncoder());
              ch.pipeline().addLast(new MongoWireMessageEncoder());
              ch.pipeline().addLast(new MongoWireProtocolHandler());
              ch.pipeline().addLast(commands, new MongoDatabaseHandler(backend, clients));
              ch.pipeline().addLast(new MongoExceptionHandler());
            }
          })
          .bind().syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  /** Stops listening, closes the clients' connections and the threads. */
  @Override
  public void close() {
    if (listener != null) {
      listener.close().syncUninterruptibly();
    }
    clients.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    commands.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
