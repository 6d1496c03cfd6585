package io.pathtrack.results.api;

import io.pathtrack.contract.Fhir;
import io.pathtrack.results.ingest.PayloadGuard;
import io.pathtrack.results.validation.OperationOutcomes;
import io.pathtrack.results.validation.ReportRejectedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the FHIR endpoint before HAPI parses anything: a body over the size limit is answered 413, XML
 * with a DOCTYPE or ENTITY declaration 400, each with an OperationOutcome. The body is read at most once.
 */
class PayloadLimitFilter extends OncePerRequestFilter {
  private final PayloadGuard guard;

  PayloadLimitFilter(PayloadGuard guard) {
    this.guard = guard;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body;
    try {
      if (request.getContentLengthLong() > guard.maxBytes()) {
        throw guard.tooLarge(request.getContentLengthLong());
      }
      body = readAtMost(request.getInputStream(), guard.maxBytes());
      guard.check(body, request.getContentType());
    } catch (ReportRejectedException rejection) {
      boolean tooLarge = "too-long".equals(rejection.primary().code());
      response.setStatus(tooLarge ? 413 : 400);
      response.setContentType("application/fhir+json;charset=UTF-8");
      response.getOutputStream().write(Fhir.json().encodeResourceToString(OperationOutcomes.of(rejection.issues()))
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  private byte[] readAtMost(InputStream in, long max) throws IOException {
    byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (body.length > max) {
      throw guard.tooLarge(body.length);
    }
    return body;
  }

  /** The request with its body already read. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
