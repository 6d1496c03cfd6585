package io.pathtrack.notify.delivery;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver on 127.0.0.1 (the JDK's HttpServer): answers each request with the next scripted
 * response (the last one repeats) and records what it received.
 */
public final class RecordingReceiver implements AutoCloseable {

  public record Request(String method, String path, Headers headers, byte[] body, int answeredWith) {
    public String header(String name) {
      return headers.getFirst(name);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  public record Response(int status, Map<String, String> headers, String body) {
    public static Response of(int status) {
      return new Response(status, Map.of(), "");
    }
  }

  private final HttpServer server;
  private final Deque<Response> script = new ArrayDeque<>();
  private final List<Request> received = new CopyOnWriteArrayList<>();

  public RecordingReceiver(String path, Response... responses) {
    script.addAll(List.of(responses));
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(path, exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Response answer = next();
      received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders(), body, answer.status()));
      answer.headers().forEach(exchange.getResponseHeaders()::add);
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        exchange.getResponseBody().write(out);
      }
      exchange.close();
    });
    server.start();
  }

  private synchronized Response next() {
    return script.size() > 1 ? script.poll() : script.peek();
  }

  /** From now on, answers with these (the last one for ever after). */
  public synchronized void answer(Response... responses) {
    script.clear();
    script.addAll(java.util.List.of(responses));
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<Request> received() {
    return received;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
