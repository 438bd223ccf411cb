package io.cxhub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cxhub.embedded.EmbeddedMongo;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.text.Taxonomy;
import io.cxhub.metrics.text.TextAnalyzer;
import io.cxhub.metrics.text.feed.AnalysedComment;
import io.cxhub.metrics.text.feed.Comment;
import io.cxhub.metrics.text.feed.TextInsights;
import io.cxhub.metrics.text.feed.mongo.MongoTextAnalyses;
import io.cxhub.metrics.text.feed.mongo.MongoTextCubes;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Text analytics: comments analysed per second on one thread (run it under {@code taskset -c 0}
 * for one core), the analyser's retained heap, and the p50/p99 of theme and keyword reads
 * over a month of text cubes filled with {@code --comments} analysed comments.
 *
 * <p>Options (defaults): {@code --analyse=50000 --comments=20000 --runs=200}.
 */
public final class TextBenchmark {

  private static final String[] OPENINGS = {
      "Livraison rapide, colis reçu en 48h, rien à redire.", "Colis toujours pas reçu après trois semaines, aucune nouvelle.",
      "Pas mal du tout, le produit est conforme à la description.", "trop long le sav et la livraison encore plus",
      "SERVICE CLIENT INJOIGNABLE !!! C'EST INADMISSIBLE", "Produit de bonne qualité mais livraison en retard de 5 jours.",
      "Génial, encore un colis perdu et personne au SAV pour répondre.", "Le site plante au moment du paiement.",
      "Fast delivery, parcel arrived the next day. Great job.", "Still waiting for my parcel after three weeks, no update at all.",
      "Not bad at all, the product matches the description.", "CUSTOMER SERVICE IS USELESS!!! NOBODY ANSWERS THE PHONE",
      "Great quality product but the delivery was 5 days late.", "Returned the item a month ago and still no refund.",
      "Vendeuse très aimable en magasin, elle m'a bien conseillé.", "Prix très corrects pour la qualité, je recommande 👍"};

  private TextBenchmark() {}

  public static void main(String[] args) throws Exception {
    int analyse = intArg(args, "analyse", 50_000);
    int comments = intArg(args, "comments", 20_000);
    int runs = intArg(args, "runs", 200);
    var random = new Random(42);

    System.gc();
    long before = used();
    var analyzer = new TextAnalyzer();
    var taxonomy = TextAnalyzer.compile(Taxonomy.defaults());
    System.gc();
    long heap = used() - before;
    System.out.printf("analyser retained heap: %.1f MB%n", heap / 1e6);

    var texts = new ArrayList<String>();
    for (int i = 0; i < 2000; i++) {
      String a = OPENINGS[random.nextInt(OPENINGS.length)];
      String b = OPENINGS[random.nextInt(OPENINGS.length)];
      texts.add(random.nextBoolean() ? a : a + " " + b.toLowerCase());
    }
    for (int i = 0; i < 5000; i++) {
      analyzer.analyze(texts.get(i % texts.size()), taxonomy); // warm-up
    }
    long t0 = System.nanoTime();
    long chars = 0;
    for (int i = 0; i < analyse; i++) {
      String t = texts.get(i % texts.size());
      chars += t.length();
      analyzer.analyze(t, taxonomy);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("analysed %d comments (avg %d chars) in %.2f s: %.0f comments/s on one thread%n",
        analyse, chars / analyse, secs, analyse / secs);

    var dir = Files.createTempDirectory("text-bench");
    try (EmbeddedMongo mongo = EmbeddedMongo.startOnFreePort(dir);
        MongoClient client = MongoClients.create(mongo.connectionString("cx_metrics"))) {
      var db = client.getDatabase("cx_metrics");
      var cubes = new MongoTextCubes(db, TenantZones.UTC);
      var analyses = new MongoTextAnalyses(db);
      var insights = new TextInsights(cubes, analyses);
      LocalDate start = LocalDate.parse("2026-10-01");
      long f0 = System.nanoTime();
      for (int i = 0; i < comments; i++) {
        String text = texts.get(random.nextInt(texts.size()));
        Instant at = start.plusDays(random.nextInt(61)).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(i % 80000);
        var c = new Comment("bench", "r" + i, "q1", "s" + random.nextInt(5), "LINK", "", "", "", at, text,
            random.nextInt(11), -1);
        cubes.add(new AnalysedComment(c, analyzer.analyze(text, taxonomy), "", "", "", 0), 1);
      }
      System.out.printf("filled the cubes with %d comments in %.1f s%n", comments, (System.nanoTime() - f0) / 1e9);
      var filter = new TextInsights.PeriodFilter("2026-11-01", "2026-11-30", "", "", "", "", "", "");
      long[] themes = new long[runs];
      long[] keywords = new long[runs];
      for (int r = 0; r < runs; r++) {
        long a = System.nanoTime();
        insights.themes("bench", filter);
        themes[r] = System.nanoTime() - a;
        long b = System.nanoTime();
        insights.keywords("bench", filter, 20, false);
        keywords[r] = System.nanoTime() - b;
      }
      report("themes (30 days)", themes);
      report("keywords (30 days + previous 30)", keywords);
    }
  }

  private static void report(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf("%s: p50 %.1f ms, p99 %.1f ms over %d runs%n", what,
        s[s.length / 2] / 1e6, s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6, s.length);
  }

  private static long used() {
    var rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static int intArg(String[] args, String name, int dflt) {
    return List.of(args).stream().filter(a -> a.startsWith("--" + name + "=")).findFirst()
        .map(a -> Integer.parseInt(a.substring(name.length() + 3))).orElse(dflt);
  }
}
