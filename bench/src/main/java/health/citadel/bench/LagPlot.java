package health.citadel.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The standby's lag over the run, one dot per sample, with the p99 goal drawn across: where the tail came from. */
final class LagPlot {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 360;
    private static final int MARGIN = 60;

    private LagPlot() {
    }

    static void write(BenchResults.Replication replication, Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int x0 = MARGIN;
        int y0 = HEIGHT - 40;
        int width = WIDTH - MARGIN - 20;
        int height = HEIGHT - 80;
        long[] lags = replication.lagNanos();
        double[] at = replication.sampledAtSeconds();
        double maxMillis = BenchResults.LAG_P99_GOAL_MILLIS * 1.2;
        for (long lag : lags) {
            maxMillis = Math.max(maxMillis, lag / 1e6 * 1.05);
        }
        double first = at.length == 0 ? 0 : at[0];
        double last = at.length == 0 ? 1 : Math.max(at[at.length - 1], first + 1);
        g.setColor(Color.BLACK);
        g.drawString("standby apply lag (ms) by seconds into the run; dashed: the p99 goal", x0, 20);
        g.drawLine(x0, y0, x0 + width, y0);
        g.drawLine(x0, y0, x0, y0 - height);
        for (int step = 0; step <= 4; step++) {
            int y = y0 - height * step / 4;
            g.drawString(String.format(Locale.ROOT, "%.0f", maxMillis * step / 4), 10, y + 4);
            int x = x0 + width * step / 4;
            g.drawString(String.format(Locale.ROOT, "%.0f s", first + (last - first) * step / 4), x - 10, y0 + 16);
        }
        int goal = y0 - (int) (BenchResults.LAG_P99_GOAL_MILLIS / maxMillis * height);
        g.setColor(Color.RED);
        for (int x = x0; x < x0 + width; x += 8) {
            g.drawLine(x, goal, x + 4, goal);
        }
        g.setColor(new Color(0x1f77b4));
        for (int i = 0; i < lags.length; i++) {
            int x = x0 + (int) ((at[i] - first) / (last - first) * width);
            int y = y0 - (int) (lags[i] / 1e6 / maxMillis * height);
            g.fillRect(x, y, 2, 2);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
