package io.cxhub.survey.survey.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.survey.survey.Choice;
import io.cxhub.survey.survey.JourneyLink;
import io.cxhub.survey.survey.Question;
import io.cxhub.survey.survey.QuestionKind;
import io.cxhub.survey.survey.Survey;
import io.cxhub.survey.survey.SurveyState;
import io.cxhub.survey.survey.SurveyValidator;
import io.cxhub.survey.survey.Surveys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Surveys in the {@code surveys} collection, one document per survey, {@code _id} = the
 * survey id (random, so the public response path can find a survey by {@code _id} alone).
 */
@Repository
class MongoSurveys implements Surveys {

  static final String COLLECTION = "surveys";
  /** Superseded versions, {@code _id} = {@code <survey id>:<version>}; immutable once written. */
  static final String VERSIONS = "survey_versions";

  private final MongoCollection<Document> collection;
  private final MongoCollection<Document> versions;

  MongoSurveys(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    this.versions = database.getCollection(VERSIONS);
    MongoIndexes.ensure(collection,
        Indexes.compoundIndex(Indexes.ascending("tenantId"), Indexes.descending("createTime"), Indexes.descending("_id")),
        new IndexOptions().name("tenant_newest_first"));
  }

  @Override
  public void insert(Survey survey) {
    collection.insertOne(toDocument(survey));
  }

  @Override
  public boolean replace(Survey updated, int expectedVersion, Instant expectedUpdateTime) {
    var filter = and(
        eq("_id", updated.id()),
        eq("tenantId", updated.tenantId()),
        eq("version", expectedVersion),
        eq("updateTime", Date.from(expectedUpdateTime)));
    return collection.replaceOne(filter, toDocument(updated)).getMatchedCount() == 1;
  }

  @Override
  public void keepVersion(Survey snapshot) {
    var document = toDocument(snapshot);
    String id = snapshot.id() + ":" + snapshot.version();
    document.put("_id", id);
    document.put("surveyId", snapshot.id());
    // upsert: a retry after a failed replace writes the same snapshot again
    versions.replaceOne(eq("_id", id), document, new ReplaceOptions().upsert(true));
  }

  @Override
  public Optional<Survey> findVersion(String tenantId, String surveyId, int version) {
    return Optional.ofNullable(versions.find(and(eq("_id", surveyId + ":" + version), eq("tenantId", tenantId))).first())
        .map(d -> {
          d.put("_id", d.getString("surveyId"));
          return toSurvey(d);
        });
  }

  @Override
  public Optional<Survey> find(String tenantId, String surveyId) {
    return Optional.ofNullable(collection.find(and(eq("_id", surveyId), eq("tenantId", tenantId))).first())
        .map(MongoSurveys::toSurvey);
  }

  @Override
  public List<Survey> listNewestFirst(String tenantId, Cursor after, int limit) {
    Bson filter = eq("tenantId", tenantId);
    if (after != null) {
      var time = Date.from(after.createTime());
      filter = and(filter, or(lt("createTime", time), and(eq("createTime", time), lt("_id", after.surveyId()))));
    }
    return collection.find(filter)
        .sort(Sorts.descending("createTime", "_id"))
        .limit(limit)
        .map(MongoSurveys::toSurvey)
        .into(new ArrayList<>());
  }

  static Document toDocument(Survey s) {
    var questions = new ArrayList<Document>();
    for (Question q : s.questions()) {
      var choices = new ArrayList<Document>();
      for (Choice c : q.choices()) {
        choices.add(new Document("choiceId", c.id()).append("label", c.label())
            .append("labelTranslations", new Document(c.labelTranslations())));
      }
      questions.add(new Document("questionId", q.id())
          .append("kind", q.kind().name())
          .append("text", q.text())
          .append("required", q.required())
          .append("scaleMin", q.scaleMin())
          .append("scaleMax", q.scaleMax())
          .append("choices", choices)
          .append("textTranslations", new Document(q.textTranslations())));
    }
    return new Document("_id", s.id())
        .append("tenantId", s.tenantId())
        .append("title", s.title())
        .append("description", s.description())
        .append("questions", questions)
        .append("state", s.state().name())
        .append("version", s.version())
        .append("createTime", Date.from(s.createTime()))
        .append("updateTime", Date.from(s.updateTime()))
        .append("defaultLanguage", s.defaultLanguage())
        .append("titleTranslations", new Document(s.titleTranslations()))
        .append("journeyId", s.journeyLink().journeyId())
        .append("stageId", s.journeyLink().stageId())
        .append("touchpointId", s.journeyLink().touchpointId());
  }

  private static Map<String, String> texts(Document parent, String key) {
    Document texts = parent.get(key, Document.class);
    var map = new HashMap<String, String>();
    if (texts != null) {
      texts.forEach((language, text) -> map.put(language, (String) text));
    }
    return map;
  }

  static Survey toSurvey(Document d) {
    var questions = new ArrayList<Question>();
    for (Document q : d.getList("questions", Document.class, List.of())) {
      var choices = new ArrayList<Choice>();
      for (Document c : q.getList("choices", Document.class, List.of())) {
        choices.add(new Choice(c.getString("choiceId"), c.getString("label"), texts(c, "labelTranslations")));
      }
      questions.add(new Question(
          q.getString("questionId"),
          QuestionKind.valueOf(q.getString("kind")),
          q.getString("text"),
          q.getBoolean("required", false),
          q.getInteger("scaleMin", 0),
          q.getInteger("scaleMax", 0),
          choices,
          texts(q, "textTranslations")));
    }
    return new Survey(
        d.getString("_id"),
        d.getString("tenantId"),
        d.getString("title"),
        d.getString("description"),
        questions,
        SurveyState.valueOf(d.getString("state")),
        d.getInteger("version", 1),
        d.getDate("createTime").toInstant(),
        d.getDate("updateTime").toInstant(),
        // documents written before surveys were localized are English
        d.get("defaultLanguage", SurveyValidator.DEFAULT_LANGUAGE),
        texts(d, "titleTranslations"),
        new JourneyLink(d.getString("journeyId"), d.getString("stageId"), d.getString("touchpointId")));
  }
}
