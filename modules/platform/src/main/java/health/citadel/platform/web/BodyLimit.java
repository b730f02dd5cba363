package health.citadel.platform.web;

import health.citadel.platform.problem.BodyTooLarge;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The largest request body taken ({@code citadel.max-request-bytes}, 10 MiB), answered 413 as a problem document
 * however the body comes: a declared length over it at once, a chunked or HTTP/2 body the moment reading passes
 * it ({@link BodyTooLarge}, which the JSON check and the problem mappers turn into the same 413). Nothing past
 * the limit is read.
 */
public class BodyLimit implements Filter {

    static final long DEFAULT_BYTES = 10L * 1024 * 1024;

    private long limit;

    @Override
    public void init(FilterConfig config) {
        limit = ConfigProvider.getConfig().getOptionalValue("citadel.max-request-bytes", Long.class)
                .orElse(DEFAULT_BYTES);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (http.getContentLengthLong() > limit) {
            HttpServletResponse answer = (HttpServletResponse) response;
            // the body stays unread: the connection is not reused for another request
            answer.setHeader("Connection", "close");
            ContainerErrors.write(answer, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, BodyTooLarge.detail(limit));
            return;
        }
        chain.doFilter(new Limited(http, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counted(super.getInputStream(), limit);
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream body;
        private final long limit;
        private long read;

        Counted(ServletInputStream body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
