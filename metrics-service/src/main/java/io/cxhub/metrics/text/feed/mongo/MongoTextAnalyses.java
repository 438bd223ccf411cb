package io.cxhub.metrics.text.feed.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.mongo.MongoInserts;
import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.metrics.text.Keyword;
import io.cxhub.metrics.text.Language;
import io.cxhub.metrics.text.Sentiment;
import io.cxhub.metrics.text.Span;
import io.cxhub.metrics.text.TextAnalysis;
import io.cxhub.metrics.text.ThemeMention;
import io.cxhub.metrics.text.feed.AnalysedComment;
import io.cxhub.metrics.text.feed.Comment;
import io.cxhub.metrics.text.feed.TextAnalyses;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Analysed comments in {@code text_analyses}, {@code _id} = tenant:response:question. Indexes
 * for real MongoDB: (tenantId, submitTime, _id) for the newest-first pages, (tenantId,
 * themeIds, submitTime) and (tenantId, keywords, submitTime) for the filtered ones.
 */
public final class MongoTextAnalyses implements TextAnalyses, SubjectHolding {

  static final String COLLECTION = "text_analyses";

  private final MongoCollection<Document> collection;

  public MongoTextAnalyses(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    collection.createIndex(Indexes.descending("tenantId", "submitTime", "_id"), new IndexOptions().name("tenant_time"));
    collection.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "themeIds"), Indexes.descending("submitTime")),
        new IndexOptions().name("tenant_theme_time"));
    collection.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "keywords"), Indexes.descending("submitTime")),
        new IndexOptions().name("tenant_keyword_time"));
  }

  @Override
  public boolean insertIfAbsent(AnalysedComment analysed) {
    return MongoInserts.insertIfAbsent(collection, encode(analysed));
  }

  @Override
  public void replace(AnalysedComment analysed) {
    collection.replaceOne(eq("_id", analysed.comment().id()), encode(analysed));
  }

  private static void equalIfSet(List<Bson> conditions, String field, String value) {
    if (value != null && !value.isEmpty()) {
      conditions.add(eq(field, value));
    }
  }

  @Override
  public List<AnalysedComment> find(String tenantId, Filter filter, Optional<After> after, int limit) {
    var conditions = new ArrayList<Bson>();
    conditions.add(eq("tenantId", tenantId));
    if (filter.from() != null) {
      conditions.add(gte("submitTime", Date.from(filter.from())));
    }
    if (filter.to() != null) {
      conditions.add(lt("submitTime", Date.from(filter.to())));
    }
    if (filter.themeId() != null && !filter.themeId().isEmpty()) {
      conditions.add(eq("themeIds", filter.themeId()));
    }
    if (filter.sentiment() != null) {
      conditions.add(eq("sentiment", filter.sentiment().name()));
    }
    if (filter.keyword() != null && !filter.keyword().isEmpty()) {
      conditions.add(or(eq("keywords", filter.keyword()), eq("keywordDisplays", filter.keyword())));
    }
    equalIfSet(conditions, "surveyId", filter.surveyId());
    equalIfSet(conditions, "stageId", filter.stageId());
    equalIfSet(conditions, "touchpointId", filter.touchpointId());
    equalIfSet(conditions, "channel", filter.channel());
    equalIfSet(conditions, "segmentId", filter.segmentId());
    equalIfSet(conditions, "personaId", filter.personaId());
    equalIfSet(conditions, "valueTier", filter.valueTier());
    after.ifPresent(a -> conditions.add(or(
        lt("submitTime", Date.from(a.submitTime())),
        and(eq("submitTime", Date.from(a.submitTime())), lt("_id", a.id())))));
    var out = new ArrayList<AnalysedComment>();
    for (Document d : collection.find(and(conditions)).sort(Sorts.descending("submitTime", "_id")).limit(limit)) {
      out.add(decode(d));
    }
    return out;
  }

  @Override
  public List<AnalysedComment> mentioning(String tenantId, String themeId, java.util.Collection<String> stageIds,
      java.util.Collection<String> touchpointIds, java.time.Instant from, java.time.Instant to, int limit) {
    var places = new ArrayList<Bson>();
    if (!stageIds.isEmpty()) {
      places.add(com.mongodb.client.model.Filters.in("stageId", stageIds));
    }
    if (!touchpointIds.isEmpty()) {
      places.add(com.mongodb.client.model.Filters.in("touchpointId", touchpointIds));
    }
    if (places.isEmpty()) {
      return List.of();
    }
    var f = and(eq("tenantId", tenantId), eq("themeIds", themeId), gte("submitTime", Date.from(from)),
        lt("submitTime", Date.from(to)), places.size() == 1 ? places.get(0) : or(places));
    var out = new ArrayList<AnalysedComment>();
    for (Document d : collection.find(f).sort(Sorts.descending("submitTime", "_id")).limit(limit)) {
      out.add(decode(d));
    }
    return out;
  }

  @Override
  public List<Comment> comments(String tenantId, String afterId, int limit) {
    var out = new ArrayList<Comment>();
    Bson f = afterId == null ? eq("tenantId", tenantId) : and(eq("tenantId", tenantId), gt("_id", afterId));
    for (Document d : collection.find(f).sort(Sorts.ascending("_id")).limit(limit)) {
      out.add(CommentCodec.decode(d));
    }
    return out;
  }

  @Override
  public long count(String tenantId) {
    return collection.countDocuments(eq("tenantId", tenantId));
  }

  @Override
  public List<AnalysedComment> ofResponse(String tenantId, String responseId) {
    // ids are tenant:response:question, so one response's comments are a range of the key
    String prefix = tenantId + ":" + responseId + ":";
    var out = new ArrayList<AnalysedComment>();
    for (Document d : collection.find(and(gte("_id", prefix), lt("_id", prefix + "\uffff"))).sort(Sorts.ascending("_id"))) {
      var a = decode(d);
      if (a.comment().tenantId().equals(tenantId) && a.comment().responseId().equals(responseId)) {
        out.add(a);
      }
    }
    return out;
  }

  @Override
  public Optional<AnalysedComment> get(String id) {
    Document d = collection.find(eq("_id", id)).first();
    return d == null ? Optional.empty() : Optional.of(decode(d));
  }

  static Document encode(AnalysedComment a) {
    var d = CommentCodec.encode(a.comment());
    var t = a.analysis();
    var themes = new ArrayList<Document>();
    var themeIds = new ArrayList<String>();
    for (ThemeMention m : t.themes()) {
      themeIds.add(m.themeId());
      themes.add(new Document("id", m.themeId()).append("sentiment", m.sentiment().name())
          .append("score", m.score()).append("spans", spans(m.evidence())));
    }
    var keys = new ArrayList<String>();
    var displays = new ArrayList<String>();
    var phrases = new ArrayList<Boolean>();
    for (Keyword k : t.keywords()) {
      keys.add(k.key());
      displays.add(k.display());
      phrases.add(k.phrase());
    }
    return d.append("language", t.language().name())
        .append("sentiment", t.sentiment().name())
        .append("score", t.score())
        .append("themes", themes)
        .append("themeIds", themeIds)
        .append("keywords", keys)
        .append("keywordDisplays", displays)
        .append("keywordPhrases", phrases)
        .append("sentimentSpans", spans(t.sentimentSpans()))
        .append("segmentId", a.segmentId())
        .append("personaId", a.personaId())
        .append("valueTier", a.valueTier())
        .append("taxonomyVersion", a.taxonomyVersion());
  }

  private static List<List<Integer>> spans(List<Span> spans) {
    return spans.stream().map(s -> List.of(s.start(), s.end())).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Span> spansOf(Object o) {
    var out = new ArrayList<Span>();
    if (o instanceof List<?> list) {
      for (Object e : list) {
        var pair = (List<Number>) e;
        out.add(new Span(pair.get(0).intValue(), pair.get(1).intValue()));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static AnalysedComment decode(Document d) {
    var themes = new ArrayList<ThemeMention>();
    for (Document m : d.getList("themes", Document.class, List.of())) {
      themes.add(new ThemeMention(m.getString("id"), Sentiment.valueOf(m.getString("sentiment")),
          m.get("score", Number.class).doubleValue(), spansOf(m.get("spans"))));
    }
    var keys = d.getList("keywords", String.class, List.of());
    var displays = d.getList("keywordDisplays", String.class, List.of());
    var phrases = d.getList("keywordPhrases", Boolean.class, List.of());
    var keywords = new ArrayList<Keyword>();
    for (int i = 0; i < keys.size(); i++) {
      keywords.add(new Keyword(keys.get(i), i < displays.size() ? displays.get(i) : keys.get(i),
          i < phrases.size() && phrases.get(i)));
    }
    var analysis = new TextAnalysis(Language.valueOf(d.getString("language")), Sentiment.valueOf(d.getString("sentiment")),
        d.get("score", Number.class).doubleValue(), themes, keywords, spansOf(d.get("sentimentSpans")));
    Number version = d.get("taxonomyVersion", Number.class);
    return new AnalysedComment(CommentCodec.decode(d), analysis, d.getString("segmentId"), d.getString("personaId"),
        d.getString("valueTier"), version == null ? 0 : version.longValue());
  }

  // --- data-subject requests: the subject's analysed comments (text and customer id go; the
  // sentiment, themes and keywords that the text cubes counted stay)

  @Override
  public String kind() {
    return "textAnalyses";
  }

  private org.bson.conversions.Bson ofSubject(String tenantId, SubjectHolding.Subject subject) {
    return com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("tenantId", tenantId),
        subject.responseIds().isEmpty() ? com.mongodb.client.model.Filters.eq("customerId", subject.customerId())
            : com.mongodb.client.model.Filters.or(com.mongodb.client.model.Filters.eq("customerId", subject.customerId()),
                com.mongodb.client.model.Filters.in("responseId", subject.responseIds())));
  }

  @Override
  public List<String> export(String tenantId, SubjectHolding.Subject subject) {
    var items = new ArrayList<String>();
    collection.find(ofSubject(tenantId, subject)).forEach(d -> {
      d.remove("_id");
      items.add(d.toJson());
    });
    return items;
  }

  @Override
  public long erase(String tenantId, SubjectHolding.Subject subject, String token) {
    long changed = 0;
    for (Document d : collection.find(ofSubject(tenantId, subject))) {
      if (d.getString("text").isEmpty() && !subject.customerId().equals(d.getString("customerId"))) {
        continue;
      }
      var themes = new ArrayList<Document>();
      for (Document t : d.getList("themes", Document.class, List.of())) {
        themes.add(new Document(t).append("spans", List.of()));
      }
      String customerId = d.getString("customerId");
      collection.updateOne(com.mongodb.client.model.Filters.eq("_id", d.get("_id")),
          com.mongodb.client.model.Updates.combine(
              com.mongodb.client.model.Updates.set("text", ""),
              com.mongodb.client.model.Updates.set("customerId",
                  customerId == null || customerId.isEmpty() ? customerId : token),
              com.mongodb.client.model.Updates.set("sentimentSpans", List.of()),
              com.mongodb.client.model.Updates.set("themes", themes)));
      changed++;
    }
    return changed;
  }
}
