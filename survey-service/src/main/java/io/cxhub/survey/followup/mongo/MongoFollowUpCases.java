package io.cxhub.survey.followup.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.cxhub.kit.domain.NpsCategory;
import io.cxhub.kit.id.Ids;
import io.cxhub.kit.mongo.MongoIndexes;
import io.cxhub.kit.mongo.MongoInserts;
import io.cxhub.kit.paging.PageRequest;
import io.cxhub.kit.subject.SubjectHolding;
import io.cxhub.survey.followup.CaseFilter;
import io.cxhub.survey.followup.CaseNote;
import io.cxhub.survey.followup.CaseStatus;
import io.cxhub.survey.followup.FollowUpCase;
import io.cxhub.survey.followup.FollowUpCases;
import io.cxhub.survey.followup.PlaybookStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Cases in {@code cases}, one document per case ({@code _id: "<tenantId>:<caseId>"}), with
 * playbook and notes embedded. Due times and the "late" flags are stored so that the breach
 * filter is a plain query: breached = late flag set, or a due time passed without its step.
 */
@Repository
class MongoFollowUpCases implements FollowUpCases, SubjectHolding {

  static final String COLLECTION = "cases";

  private final MongoCollection<Document> collection;

  MongoFollowUpCases(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
    MongoIndexes.ensure(collection,
        Indexes.compoundIndex(Indexes.ascending("tenantId", "status"), Indexes.descending("createdAt")),
        new IndexOptions().name("tenant_status_recent"));
    MongoIndexes.ensure(collection,
        Indexes.compoundIndex(Indexes.ascending("tenantId"), Indexes.descending("createdAt", "caseId")),
        new IndexOptions().name("tenant_recent"));
  }

  @Override
  public boolean insertIfAbsent(FollowUpCase c) {
    return MongoInserts.insertIfAbsent(collection, toDocument(c));
  }

  @Override
  public Optional<FollowUpCase> find(String tenantId, String caseId) {
    return Optional.ofNullable(collection.find(eq("_id", Ids.tenantScoped(tenantId, caseId))).first())
        .map(MongoFollowUpCases::toDomain);
  }

  @Override
  public boolean replace(FollowUpCase c, long expectedVersion) {
    return collection.replaceOne(and(eq("_id", Ids.tenantScoped(c.tenantId(), c.caseId())), eq("version", expectedVersion)),
        toDocument(c)).getModifiedCount() == 1;
  }

  @Override
  public List<FollowUpCase> list(String tenantId, CaseFilter f, PageRequest page, Instant now) {
    var filters = new ArrayList<Bson>();
    filters.add(eq("tenantId", tenantId));
    if (f.status() != null) {
      filters.add(eq("status", f.status().name()));
    }
    if (f.category() != null) {
      filters.add(eq("category", f.category().name()));
    }
    if (f.assignee() != null) {
      filters.add(eq("assignee", f.assignee()));
    }
    if (f.team() != null) {
      filters.add(eq("team", f.team()));
    }
    if (f.surveyId() != null) {
      filters.add(eq("surveyId", f.surveyId()));
    }
    if (f.breachedOnly()) {
      Date at = Date.from(now);
      filters.add(or(
          eq("firstContactLate", true),
          eq("resolutionLate", true),
          and(eq("firstContactAt", null), lt("firstContactDue", at)),
          and(eq("resolvedAt", null), lt("resolutionDue", at))));
    }
    if (!page.isFirst()) {
      String after = page.after();
      int colon = after.indexOf(':');
      Date createdAt;
      String caseId;
      try {
        createdAt = new Date(Long.parseLong(after.substring(0, colon)));
        caseId = after.substring(colon + 1);
      } catch (RuntimeException e) {
        throw io.cxhub.kit.error.InvalidInputException.of("page_token", "is not a token issued by this API");
      }
      filters.add(or(lt("createdAt", createdAt), and(eq("createdAt", createdAt), lt("caseId", caseId))));
    }
    return collection.find(and(filters))
        .sort(Sorts.descending("createdAt", "caseId"))
        .limit(page.size())
        .map(MongoFollowUpCases::toDomain)
        .into(new ArrayList<>());
  }

  private static Document toDocument(FollowUpCase c) {
    var doc = new Document("_id", Ids.tenantScoped(c.tenantId(), c.caseId()))
        .append("tenantId", c.tenantId())
        .append("caseId", c.caseId())
        .append("title", c.title())
        .append("status", c.status().name())
        .append("playbook", c.playbook().stream().map(s -> new Document("key", s.key()).append("text", s.text())).toList())
        .append("notes", c.notes().stream().map(n -> new Document("author", n.author()).append("text", n.text())
            .append("createdAt", Date.from(n.createdAt()))).toList())
        .append("createdAt", Date.from(c.createdAt()))
        .append("firstContactDue", Date.from(c.firstContactDue()))
        .append("resolutionDue", Date.from(c.resolutionDue()))
        .append("firstContactLate", c.firstContactLate())
        .append("resolutionLate", c.resolutionLate())
        .append("version", c.version());
    put(doc, "ruleId", c.ruleId());
    put(doc, "responseId", c.responseId());
    put(doc, "alertId", c.alertId());
    put(doc, "surveyId", c.surveyId());
    put(doc, "category", c.category() == null ? null : c.category().name());
    put(doc, "assignee", c.assignee());
    put(doc, "team", c.team());
    put(doc, "rootCause", c.rootCause());
    put(doc, "firstContactAt", c.firstContactAt() == null ? null : Date.from(c.firstContactAt()));
    put(doc, "resolvedAt", c.resolvedAt() == null ? null : Date.from(c.resolvedAt()));
    return doc;
  }

  private static void put(Document d, String key, Object value) {
    if (value != null) {
      d.append(key, value);
    }
  }

  private static Instant instant(Document d, String key) {
    Date date = d.getDate(key);
    return date == null ? null : date.toInstant();
  }

  private static FollowUpCase toDomain(Document d) {
    var playbook = d.getList("playbook", Document.class, List.of()).stream()
        .map(s -> new PlaybookStep(s.getString("key"), s.getString("text"))).toList();
    var notes = d.getList("notes", Document.class, List.of()).stream()
        .map(n -> new CaseNote(n.getString("author"), n.getString("text"), n.getDate("createdAt").toInstant())).toList();
    String category = d.getString("category");
    return FollowUpCase.builder()
        .tenantId(d.getString("tenantId"))
        .caseId(d.getString("caseId"))
        .ruleId(d.getString("ruleId"))
        .responseId(d.getString("responseId"))
        .alertId(d.getString("alertId"))
        .surveyId(d.getString("surveyId"))
        .category(category == null ? null : NpsCategory.valueOf(category))
        .title(d.getString("title"))
        .status(CaseStatus.valueOf(d.getString("status")))
        .assignee(d.getString("assignee"))
        .team(d.getString("team"))
        .rootCause(d.getString("rootCause"))
        .playbook(playbook)
        .notes(notes)
        .createdAt(instant(d, "createdAt"))
        .firstContactDue(instant(d, "firstContactDue"))
        .resolutionDue(instant(d, "resolutionDue"))
        .firstContactAt(instant(d, "firstContactAt"))
        .resolvedAt(instant(d, "resolvedAt"))
        .firstContactLate(d.getBoolean("firstContactLate", false))
        .resolutionLate(d.getBoolean("resolutionLate", false))
        .version(((Number) d.get("version")).longValue())
        .build();
  }

  // --- data-subject requests: cases opened on the subject's responses (title, notes, root cause)

  static final String ERASED_TITLE = "Case on a response of an erased data subject";

  @Override
  public String kind() {
    return "cases";
  }

  @Override
  public List<String> export(String tenantId, SubjectHolding.Subject subject) {
    var items = new ArrayList<String>();
    if (!subject.responseIds().isEmpty()) {
      collection.find(and(eq("tenantId", tenantId), com.mongodb.client.model.Filters.in("responseId", subject.responseIds()))).forEach(d -> {
        d.remove("_id");
        items.add(d.toJson());
      });
    }
    return items;
  }

  @Override
  public long erase(String tenantId, SubjectHolding.Subject subject, String token) {
    if (subject.responseIds().isEmpty()) {
      return 0;
    }
    long changed = 0;
    for (Document d : collection.find(and(eq("tenantId", tenantId), com.mongodb.client.model.Filters.in("responseId", subject.responseIds())))) {
      if (ERASED_TITLE.equals(d.getString("title")) && d.getList("notes", Document.class, List.of()).isEmpty()
          && !d.containsKey("rootCause")) {
        continue;
      }
      collection.updateOne(eq("_id", d.get("_id")), com.mongodb.client.model.Updates.combine(
          com.mongodb.client.model.Updates.set("title", ERASED_TITLE),
          com.mongodb.client.model.Updates.set("notes", List.of()),
          com.mongodb.client.model.Updates.unset("rootCause")));
      changed++;
    }
    return changed;
  }
}
