package io.cxhub.survey;

import static io.cxhub.kit.testing.GrpcCalls.asTenant;
import static io.cxhub.kit.testing.GrpcCalls.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.cxhub.kit.grpc.ProtoTimestamps;
import io.cxhub.kit.testing.TestMongo;
import io.cxhub.proto.common.v1.Channel;
import io.cxhub.proto.survey.v1.CreateDistributionRequest;
import io.cxhub.proto.survey.v1.CreateSurveyRequest;
import io.cxhub.proto.survey.v1.Distribution;
import io.cxhub.proto.survey.v1.DistributionServiceGrpc;
import io.cxhub.proto.survey.v1.DistributionServiceGrpc.DistributionServiceBlockingStub;
import io.cxhub.proto.survey.v1.DistributionStatus;
import io.cxhub.proto.survey.v1.GetDistributionQrCodeRequest;
import io.cxhub.proto.survey.v1.GetDistributionRequest;
import io.cxhub.proto.survey.v1.ListDistributionsRequest;
import io.cxhub.proto.survey.v1.QrCodeFormat;
import io.cxhub.proto.survey.v1.Question;
import io.cxhub.proto.survey.v1.QuestionKind;
import io.cxhub.proto.survey.v1.Survey;
import io.cxhub.proto.survey.v1.SurveyServiceGrpc;
import io.cxhub.proto.survey.v1.UpdateDistributionStatusRequest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Distributions over real gRPC against the embedded MongoDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistributionIT {

  private static final String BASE_URL = "https://feedback.example.com";

  @TempDir
  static Path dataDir;

  private TestMongo mongo;
  private ConfigurableApplicationContext app;
  private ManagedChannel channel;

  @BeforeAll
  void start() {
    mongo = TestMongo.start(dataDir);
    app = TestServices.startSurvey(mongo, "cx_survey", "localhost:1", "cx.survey.relay.enabled=false",
        "cx.public-url=" + BASE_URL + "/");
    channel = TestServices.channel(TestServices.grpcPort(app));
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    app.close();
    mongo.close();
  }

  private DistributionServiceBlockingStub distributions(String tenant) {
    return asTenant(DistributionServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  private String survey(String tenant) {
    return asTenant(SurveyServiceGrpc.newBlockingStub(channel), tenant).withDeadlineAfter(10, TimeUnit.SECONDS)
        .createSurvey(CreateSurveyRequest.newBuilder().setSurvey(Survey.newBuilder().setTitle("Livraison")
            .addQuestions(Question.newBuilder().setKind(QuestionKind.QUESTION_KIND_NPS).setText("Recommend?")))
            .build())
        .getSurveyId();
  }

  private Distribution create(String tenant, String surveyId, Channel channel) {
    return distributions(tenant).createDistribution(CreateDistributionRequest.newBuilder().setSurveyId(surveyId)
        .setDistribution(Distribution.newBuilder().setChannel(channel).setName("Receipts, Lyon")).build());
  }

  private static StatusRuntimeException failure(Runnable call) {
    var e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(e).as("expected the call to fail").isNotNull();
    return e;
  }

  @Nested
  class Managing {

    @Test
    void createsAnActiveDistributionWithAnUnguessableTokenAndItsPublicUrl() {
      var surveyId = survey("acme");
      var tokens = new HashSet<String>();
      for (var ch : new Channel[] {Channel.CHANNEL_LINK, Channel.CHANNEL_EMAIL, Channel.CHANNEL_SMS,
          Channel.CHANNEL_KIOSK, Channel.CHANNEL_QR, Channel.CHANNEL_IN_APP, Channel.CHANNEL_WEB_WIDGET,
          Channel.CHANNEL_CHATBOT, Channel.CHANNEL_SOCIAL}) {
        var d = create("acme", surveyId, ch);
        assertThat(d.getChannel()).isEqualTo(ch);
        assertThat(d.getStatus()).isEqualTo(DistributionStatus.DISTRIBUTION_STATUS_ACTIVE);
        // 26 base-32 characters: 130 random bits
        assertThat(d.getToken()).matches("[a-z2-7]{26}").isNotEqualTo(d.getDistributionId());
        assertThat(d.getPublicUrl()).isEqualTo(BASE_URL + "/s/" + d.getToken());
        tokens.add(d.getToken());
      }
      assertThat(tokens).hasSize(9);

      var page = distributions("acme").listDistributions(
          ListDistributionsRequest.newBuilder().setSurveyId(surveyId).setPageSize(5).build());
      assertThat(page.getDistributionsList()).hasSize(5);
      var rest = distributions("acme").listDistributions(ListDistributionsRequest.newBuilder()
          .setSurveyId(surveyId).setPageSize(5).setPageToken(page.getNextPageToken()).build());
      assertThat(rest.getDistributionsList()).hasSize(4);
      assertThat(rest.getNextPageToken()).isEmpty();
    }

    @Test
    void refusesChannelsThatAreNotDistributedAndPastExpiries() {
      var surveyId = survey("acme");
      var e = failure(() -> distributions("acme").createDistribution(CreateDistributionRequest.newBuilder()
          .setSurveyId(surveyId)
          .setDistribution(Distribution.newBuilder().setChannel(Channel.CHANNEL_REVIEW)
              .setExpireTime(ProtoTimestamps.toProto(Instant.parse("2020-01-01T00:00:00Z"))))
          .build()));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(violatedFields(e)).containsExactlyInAnyOrder("distribution.channel", "distribution.expire_time");
    }

    @Test
    void pausesResumesAndRevokesForGood() {
      var d = create("acme", survey("acme"), Channel.CHANNEL_SMS);
      var stub = distributions("acme");

      assertThat(stub.updateDistributionStatus(status(d, DistributionStatus.DISTRIBUTION_STATUS_PAUSED)).getStatus())
          .isEqualTo(DistributionStatus.DISTRIBUTION_STATUS_PAUSED);
      assertThat(stub.updateDistributionStatus(status(d, DistributionStatus.DISTRIBUTION_STATUS_ACTIVE)).getStatus())
          .isEqualTo(DistributionStatus.DISTRIBUTION_STATUS_ACTIVE);
      assertThat(stub.updateDistributionStatus(status(d, DistributionStatus.DISTRIBUTION_STATUS_REVOKED)).getStatus())
          .isEqualTo(DistributionStatus.DISTRIBUTION_STATUS_REVOKED);
      assertThat(failure(() -> stub.updateDistributionStatus(status(d, DistributionStatus.DISTRIBUTION_STATUS_ACTIVE)))
          .getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
      assertThat(stub.getDistribution(GetDistributionRequest.newBuilder().setDistributionId(d.getDistributionId())
          .build()).getStatus()).isEqualTo(DistributionStatus.DISTRIBUTION_STATUS_REVOKED);
    }

    @Test
    void anotherTenantsDistributionOrSurveyIsNotFound() {
      var surveyId = survey("acme");
      var d = create("acme", surveyId, Channel.CHANNEL_LINK);

      assertThat(failure(() -> distributions("globex").getDistribution(
          GetDistributionRequest.newBuilder().setDistributionId(d.getDistributionId()).build())).getStatus().getCode())
          .isEqualTo(Status.Code.NOT_FOUND);
      assertThat(failure(() -> create("globex", surveyId, Channel.CHANNEL_LINK)).getStatus().getCode())
          .isEqualTo(Status.Code.NOT_FOUND);
    }

    private UpdateDistributionStatusRequest status(Distribution d, DistributionStatus status) {
      return UpdateDistributionStatusRequest.newBuilder()
          .setDistributionId(d.getDistributionId()).setStatus(status).build();
    }
  }

  @Nested
  class QrCodes {

    @Test
    void thePngDecodesBackToThePublicUrl() throws Exception {
      var d = create("acme", survey("acme"), Channel.CHANNEL_QR);

      var body = distributions("acme").getDistributionQrCode(GetDistributionQrCodeRequest.newBuilder()
          .setDistributionId(d.getDistributionId()).setSize(400).build());

      assertThat(body.getContentType()).isEqualTo("image/png");
      var image = ImageIO.read(new ByteArrayInputStream(body.getData().toByteArray()));
      assertThat(image.getWidth()).isEqualTo(400);
      // PURE_BARCODE: the image is the code itself (without it 1 generated code in 80 is missed)
      var decoded = new QRCodeReader().decode(
          new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
          java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, true));
      assertThat(decoded.getText()).isEqualTo(d.getPublicUrl());
    }

    @Test
    void theSvgIsAScalableDocument() {
      var d = create("acme", survey("acme"), Channel.CHANNEL_QR);

      var body = distributions("acme").getDistributionQrCode(GetDistributionQrCodeRequest.newBuilder()
          .setDistributionId(d.getDistributionId()).setFormat(QrCodeFormat.QR_CODE_FORMAT_SVG).build());

      assertThat(body.getContentType()).isEqualTo("image/svg+xml");
      assertThat(body.getData().toString(StandardCharsets.UTF_8))
          .startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
    }

    @Test
    void aSizeOutOfRangeIsInvalid() {
      var d = create("acme", survey("acme"), Channel.CHANNEL_QR);

      var e = failure(() -> distributions("acme").getDistributionQrCode(GetDistributionQrCodeRequest.newBuilder()
          .setDistributionId(d.getDistributionId()).setSize(5_000).build()));

      assertThat(violatedFields(e)).containsExactly("size");
    }
  }
}
