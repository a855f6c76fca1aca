import java.io.IOException;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local as its own ServerRunner builds it (same command-line options), with two changes
 * its options do not offer:
 *
 * 1. It listens on one interface (system property matchpath.host, default 127.0.0.1) instead of
 *    all of them: ServerRunner's Jetty server is created with a port only, which binds 0.0.0.0.
 * 2. It dies with its parent: the parent holds the write end of this process's stdin, and a read
 *    that reaches end-of-file (the parent exited, however it exited, kill -9 included) halts the JVM.
 *
 * Run as a single-file source program (java -cp DynamoDBLocal.jar:DynamoDBLocal_lib/* this-file
 * [options]); infra/local/dynamodb-local.ts does that.
 */
public final class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    String host = System.getProperty("matchpath.host", "127.0.0.1");
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost(host);
    }
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // The parent never writes; anything it did write is ignored.
        }
      } catch (IOException closed) {
        // A broken pipe means the same as end-of-file: the parent is gone.
      }
      Runtime.getRuntime().halt(0);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    proxy.start();
  }
}
