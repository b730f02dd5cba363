package health.citadel.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Latency by percentile, one panel per operation and one line per variant. The percentile axis counts nines
 * (50, 90, 99, 99.9), so the tail a clinician waits for is as visible as the median.
 */
final class LatencyPlot {

    private static final int PANEL_WIDTH = 420;
    private static final int PANEL_HEIGHT = 300;
    private static final int COLUMNS = 3;
    private static final int MARGIN = 50;
    private static final double[] TICKS = {0, 50, 90, 99, 99.9};
    private static final double MAX_NINES = nines(99.9);
    private static final Map<Variant, Color> COLORS = Map.of(Variant.PRODUCTION, new Color(0x1f77b4),
            Variant.PLAINTEXT_CIPHER, new Color(0xff7f0e), Variant.AUDIT_REMOVED, new Color(0x2ca02c));

    private LatencyPlot() {
    }

    static void write(List<Measurement> measurements, Path file) throws IOException {
        Map<String, List<Measurement>> panels = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            panels.computeIfAbsent(m.operation(), key -> new ArrayList<>()).add(m);
        }
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(COLUMNS * PANEL_WIDTH, rows * PANEL_HEIGHT + 30,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int index = 0;
        for (Map.Entry<String, List<Measurement>> panel : panels.entrySet()) {
            panel(g, panel.getKey(), panel.getValue(), (index % COLUMNS) * PANEL_WIDTH, (index / COLUMNS) * PANEL_HEIGHT);
            index++;
        }
        legend(g, rows * PANEL_HEIGHT + 18);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, String title, List<Measurement> lines, int left, int top) {
        int x0 = left + MARGIN;
        int y0 = top + PANEL_HEIGHT - 35;
        int width = PANEL_WIDTH - MARGIN - 15;
        int height = PANEL_HEIGHT - 65;
        double maxMillis = lines.stream().mapToDouble(m -> m.percentileMillis(99.9)).max().orElse(1) * 1.05;
        g.setColor(Color.BLACK);
        g.drawString(title + " (ms)", x0, top + 20);
        g.drawLine(x0, y0, x0 + width, y0);
        g.drawLine(x0, y0, x0, y0 - height);
        for (double tick : TICKS) {
            int x = x0 + (int) (nines(tick) / MAX_NINES * width);
            g.drawString(tick == 99.9 ? "p99.9" : String.format(Locale.ROOT, "p%.0f", tick), x - 10, y0 + 15);
        }
        for (int step = 0; step <= 4; step++) {
            double millis = maxMillis * step / 4;
            int y = y0 - (int) (height * step / 4.0);
            g.drawString(String.format(Locale.ROOT, "%.0f", millis), left + 8, y + 4);
            g.setColor(new Color(0xe0e0e0));
            g.drawLine(x0 + 1, y, x0 + width, y);
            g.setColor(Color.BLACK);
        }
        g.setStroke(new BasicStroke(1.6f));
        for (Measurement line : lines) {
            long[] sorted = line.sorted();
            if (sorted.length == 0) {
                continue;
            }
            Path2D.Double path = new Path2D.Double();
            for (int px = 0; px <= width; px++) {
                double percentile = 100 * (1 - Math.pow(10, -MAX_NINES * px / width));
                int rank = Math.max(1, (int) Math.ceil(percentile / 100 * sorted.length));
                double y = y0 - Math.min(1, sorted[rank - 1] / 1e6 / maxMillis) * height;
                if (px == 0) {
                    path.moveTo(x0 + px, y);
                } else {
                    path.lineTo(x0 + px, y);
                }
            }
            g.setColor(line.operation().equals(RawInsertFloor.OPERATION) ? Color.GRAY : COLORS.get(line.variant()));
            g.draw(path);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void legend(Graphics2D g, int y) {
        int x = MARGIN;
        for (Variant variant : Variant.values()) {
            g.setColor(COLORS.get(variant));
            g.fillRect(x, y - 9, 18, 9);
            g.setColor(Color.BLACK);
            g.drawString(variant.label, x + 24, y);
            x += 200;
        }
        g.setColor(Color.GRAY);
        g.fillRect(x, y - 9, 18, 9);
        g.setColor(Color.BLACK);
        g.drawString("raw JDBC insert", x + 24, y);
    }

    /** How many nines a percentile has: 90 → 1, 99 → 2, 99.9 → 3. */
    private static double nines(double percentile) {
        return -Math.log10(1 - percentile / 100);
    }
}
