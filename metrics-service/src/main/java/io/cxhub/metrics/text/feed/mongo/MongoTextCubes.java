package io.cxhub.metrics.text.feed.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.cxhub.metrics.rollup.TenantZones;
import io.cxhub.metrics.text.Keyword;
import io.cxhub.metrics.text.ThemeMention;
import io.cxhub.metrics.text.feed.AnalysedComment;
import io.cxhub.metrics.text.feed.TextCubes;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Text cubes in {@code text_cubes}, {@code _id} = tenant:D2026-12-02:theme (and
 * tenant:M2026-12:theme), cells keyed by the seven dimensions joined by {@code |} (each
 * part URL-encoded, so no key holds a dot or a dollar), each cell {@code {c, nn, pr, de, cn,
 * cs}} updated by {@code $inc} upserts. Keyword counts in {@code text_keywords}, one document
 * per tenant and day ({@code _id} = tenant:D2026-12-02), {@code counts.<key>} and
 * {@code displays.<key>}. Reads go by {@code _id} only.
 */
public final class MongoTextCubes implements TextCubes {

  static final String CUBES = "text_cubes";
  static final String KEYWORDS = "text_keywords";

  private final MongoCollection<Document> cubes;
  private final MongoCollection<Document> keywords;
  private final TenantZones zones;

  public MongoTextCubes(MongoDatabase database, TenantZones zones) {
    this.cubes = database.getCollection(CUBES);
    this.keywords = database.getCollection(KEYWORDS);
    this.zones = zones;
  }

  @Override
  public void add(AnalysedComment a, int sign) {
    var c = a.comment();
    LocalDate day = c.submitTime().atZone(zones.zone(c.tenantId())).toLocalDate();
    String month = "M" + day.toString().substring(0, 7);
    var themes = new LinkedHashSet<String>();
    themes.add(ALL);
    var themeSentiment = new HashMap<String, String>();
    themeSentiment.put(ALL, a.analysis().sentiment().name());
    for (ThemeMention m : a.analysis().themes()) {
      themes.add(m.themeId());
      themeSentiment.put(m.themeId(), m.sentiment().name());
    }
    for (String theme : themes) {
      String key = cellKey(new CellKey(themeSentiment.get(theme), c.surveyId(), c.stageId(), c.touchpointId(),
          c.channel(), a.segmentId(), a.personaId()));
      Bson inc = increments("cells." + key + ".", c.nps(), c.csatSatisfied(), sign);
      for (String period : List.of("D" + day, month)) {
        cubes.updateOne(eq("_id", c.tenantId() + ":" + period + ":" + theme),
            Updates.combine(Updates.setOnInsert("tenantId", c.tenantId()), Updates.setOnInsert("period", period),
                Updates.setOnInsert("theme", theme), inc),
            new UpdateOptions().upsert(true));
      }
    }
    var updates = new ArrayList<Bson>();
    updates.add(Updates.setOnInsert("tenantId", c.tenantId()));
    for (Keyword k : a.analysis().keywords()) {
      String key = (k.phrase() ? "p:" : "t:") + k.key();
      String enc = enc(key);
      updates.add(Updates.inc("counts." + enc, sign));
      updates.add(Updates.set("displays." + enc, k.display()));
    }
    if (updates.size() > 1) {
      keywords.updateOne(eq("_id", c.tenantId() + ":D" + day), Updates.combine(updates), new UpdateOptions().upsert(true));
    }
  }

  private static Bson increments(String prefix, int nps, int csat, int sign) {
    var list = new ArrayList<Bson>();
    list.add(Updates.inc(prefix + "c", sign));
    if (nps >= 0) {
      list.add(Updates.inc(prefix + "nn", sign));
      if (nps >= 9) {
        list.add(Updates.inc(prefix + "pr", sign));
      } else if (nps <= 6) {
        list.add(Updates.inc(prefix + "de", sign));
      }
    }
    if (csat >= 0) {
      list.add(Updates.inc(prefix + "cn", sign));
      if (csat == 1) {
        list.add(Updates.inc(prefix + "cs", sign));
      }
    }
    return Updates.combine(list);
  }

  @Override
  public Map<String, Map<CellKey, Cell>> themes(String tenantId, List<LocalDate> days) {
    var ids = days.stream().map(d -> tenantId + ":D" + d).toList();
    var out = new HashMap<String, Map<CellKey, Cell>>();
    if (ids.isEmpty()) {
      return out;
    }
    // ids of one day's cubes share a prefix; the themes are unknown, so the reader asks by
    // period (real MongoDB: the _id index serves this prefix range; embedded: a scan)
    var periods = days.stream().map(d -> "D" + d).toList();
    for (Document d : cubes.find(com.mongodb.client.model.Filters.and(eq("tenantId", tenantId), in("period", periods)))) {
      var theme = d.getString("theme");
      var cells = out.computeIfAbsent(theme, t -> new HashMap<>());
      Document cs = d.get("cells", Document.class);
      if (cs == null) {
        continue;
      }
      for (var e : cs.entrySet()) {
        Document v = (Document) e.getValue();
        cells.merge(parseKey(e.getKey()), new Cell(n(v, "c"), n(v, "nn"), n(v, "pr"), n(v, "de"), n(v, "cn"), n(v, "cs")), Cell::plus);
      }
    }
    return out;
  }

  @Override
  public Map<String, KeywordCount> keywords(String tenantId, List<LocalDate> days) {
    var out = new HashMap<String, KeywordCount>();
    if (days.isEmpty()) {
      return out;
    }
    var ids = days.stream().map(d -> tenantId + ":D" + d).toList();
    for (Document d : keywords.find(in("_id", ids))) {
      Document counts = d.get("counts", Document.class);
      Document displays = d.get("displays", Document.class);
      if (counts == null) {
        continue;
      }
      for (var e : counts.entrySet()) {
        long n = ((Number) e.getValue()).longValue();
        if (n <= 0) {
          continue;
        }
        String key = dec(e.getKey());
        String display = displays == null ? null : displays.getString(e.getKey());
        boolean phrase = key.startsWith("p:");
        String plain = key.substring(2);
        out.merge(plain, new KeywordCount(n, display == null ? plain : display, phrase),
            (x, y) -> new KeywordCount(x.count() + y.count(), x.display(), x.phrase()));
      }
    }
    return out;
  }

  @Override
  public void clear(String tenantId) {
    cubes.deleteMany(eq("tenantId", tenantId));
    keywords.deleteMany(eq("tenantId", tenantId));
  }

  private static long n(Document v, String f) {
    Object o = v.get(f);
    return o instanceof Number num ? num.longValue() : 0;
  }

  static String cellKey(CellKey k) {
    return String.join("|", enc(k.sentiment()), enc(k.surveyId()), enc(k.stageId()), enc(k.touchpointId()),
        enc(k.channel()), enc(k.segmentId()), enc(k.personaId()));
  }

  static CellKey parseKey(String key) {
    String[] p = key.split("\\|", -1);
    return new CellKey(dec(p[0]), dec(p[1]), dec(p[2]), dec(p[3]), dec(p[4]), dec(p[5]), dec(p[6]));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace(".", "%2E").replace("*", "%2A");
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
