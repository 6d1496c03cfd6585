package io.pathtrack.guard.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over {@code pathtrack.http.max-body-size} with 413 and an OperationOutcome, on
 * every endpoint. A declared {@code Content-Length} over the limit is refused before anything is read; a
 * body without one (chunked) is counted as the endpoint reads it, and reading fails as soon as it passes
 * the limit, so nothing past it is ever held. However the endpoint then fails, the answer is 413: the
 * request is marked ({@link #exceeded}) for the error handlers, and this filter answers itself when they
 * did not.
 */
class BodySizeLimitFilter extends OncePerRequestFilter {
  private static final String EXCEEDED = BodySizeLimitFilter.class.getName() + ".exceeded";

  private final long maxBytes;

  BodySizeLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** True when this request's body went over the limit while it was read. */
  static boolean exceeded(ServletRequest request) {
    return request.getAttribute(EXCEEDED) != null;
  }

  long maxBytes() {
    return maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      // Unread, the rest of the body is not worth keeping the connection for.
      response.setHeader("Connection", "close");
      OutcomeAnswers.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, OutcomeAnswers.tooLarge(maxBytes));
      return;
    }
    try {
      chain.doFilter(new LimitedBody(request, maxBytes), response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (exceeded(request) && refuse(response)) {
        return;
      }
      throw e;
    }
    if (exceeded(request)) {
      refuse(response);
    }
  }

  private boolean refuse(HttpServletResponse response) throws IOException {
    response.setHeader("Connection", "close");
    return OutcomeAnswers.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, OutcomeAnswers.tooLarge(maxBytes));
  }

  /** Read past the limit: the endpoint's read fails with this. Its message carries nothing from the request. */
  static final class BodyTooLarge extends IOException {
    BodyTooLarge(long maxBytes) {
      super("request body over the limit of " + maxBytes + " bytes");
    }
  }

  /** The request with a body that cannot be read past the limit. */
  private static final class LimitedBody extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream in;
    private BufferedReader reader;

    LimitedBody(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (in == null) {
        in = new Counted(super.getInputStream());
      }
      return in;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      if (reader == null) {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
      }
      return reader;
    }

    /** Counts what is read and fails on the first byte past the limit, never reading further. */
    private final class Counted extends ServletInputStream {
      private final ServletInputStream delegate;
      private long count;

      Counted(ServletInputStream delegate) {
        this.delegate = delegate;
      }

      @Override
      public int read() throws IOException {
        ensureWithinLimit();
        int b = delegate.read();
        if (b >= 0) {
          counted(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        ensureWithinLimit();
        // One byte more than the limit allows is enough to know it is over.
        int allowed = (int) Math.min(length, maxBytes - count + 1);
        int n = delegate.read(buffer, offset, allowed);
        if (n > 0) {
          counted(n);
        }
        return n;
      }

      private void counted(int n) throws BodyTooLarge {
        count += n;
        ensureWithinLimit();
      }

      private void ensureWithinLimit() throws BodyTooLarge {
        if (count > maxBytes) {
          setAttribute(EXCEEDED, Boolean.TRUE);
          throw new BodyTooLarge(maxBytes);
        }
      }

      @Override
      public boolean isFinished() {
        return delegate.isFinished();
      }

      @Override
      public boolean isReady() {
        return delegate.isReady();
      }

      @Override
      public void setReadListener(ReadListener listener) {
        delegate.setReadListener(listener);
      }
    }
  }
}
