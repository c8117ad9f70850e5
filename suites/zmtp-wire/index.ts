import type { Scenario } from "../../harness/model/scenario";
import badSignature from "./bad-signature";
import commandSizeForms from "./command-size-forms";
import commandWithMore from "./command-with-more";
import commandsInterleaved from "./commands-interleaved";
import connectingSideReadyFirst from "./connecting-side-ready-first";
import errorCommandCloses from "./error-command-closes";
import frameSize263 from "./frame-size-2-63";
import greetingAsServer from "./greeting-as-server";
import greetingFiller from "./greeting-filler";
import greetingMechanism from "./greeting-mechanism";
import greetingPadding from "./greeting-padding";
import greetingSignature from "./greeting-signature";
import greetingStages from "./greeting-stages";
import greetingVersion from "./greeting-version";
import greetingVersionMinor from "./greeting-version-minor";
import greetingWholeAfterPeerWhole from "./greeting-whole-after-peer-whole";
import higherVersionPeer from "./higher-version-peer";
import identityIgnored from "./identity-ignored";
import incompatibleSocketType from "./incompatible-socket-type";
import invalidSocketTypeError from "./invalid-socket-type-error";
import maxMessageSize from "./max-message-size";
import mechanismMismatch from "./mechanism-mismatch";
import messagesInOrder from "./messages-in-order";
import metadataCaseInsensitive from "./metadata-case-insensitive";
import peerPaddingNotValidated from "./peer-padding-not-validated";
import pingPong from "./ping-pong";
import pingTtl from "./ping-ttl";
import propertyNameCaseRecorded from "./property-name-case-recorded";
import pubCancelCommand31 from "./pub-cancel-command-3-1";
import pubEmptySubscription from "./pub-empty-subscription";
import pubSubscribeCommand31 from "./pub-subscribe-command-3-1";
import pubSubscribeMessage30 from "./pub-subscribe-message-3-0";
import pubSubscriptionsAdditive from "./pub-subscriptions-additive";
import pubUnsubscribeMessage30 from "./pub-unsubscribe-message-3-0";
import pullReceivesEmptyFrames from "./pull-receives-empty-frames";
import pullReceivesMessage from "./pull-receives-message";
import pullReceivesMultipart from "./pull-receives-multipart";
import pullReceivesSizeBoundaries from "./pull-receives-size-boundaries";
import pushSendsWellFormedFrames from "./push-sends-well-formed-frames";
import readyBeforePeerReady from "./ready-before-peer-ready";
import readyIdentity from "./ready-identity";
import readySocketType from "./ready-socket-type";
import readyWellFormed from "./ready-well-formed";
import reconnectsAfterClose from "./reconnects-after-close";
import reservedFlagBits from "./reserved-flag-bits";
import socketTypeTable from "./socket-type-table";
import stagedGreetingPeer from "./staged-greeting-peer";
import subSubscriptionEncoding from "./sub-subscription-encoding";
import zmtp20Peer from "./zmtp-2-0-peer";

export const zmtpWireScenarios: readonly Scenario[] = [
  // The implementation's greeting, and how it reads the peer's
  greetingSignature,
  greetingStages,
  greetingPadding,
  greetingVersion,
  greetingVersionMinor,
  greetingMechanism,
  greetingAsServer,
  greetingFiller,
  greetingWholeAfterPeerWhole,
  stagedGreetingPeer,
  peerPaddingNotValidated,
  higherVersionPeer,
  // NULL handshake and metadata
  readyBeforePeerReady,
  readyWellFormed,
  readySocketType,
  readyIdentity,
  commandSizeForms,
  connectingSideReadyFirst,
  metadataCaseInsensitive,
  propertyNameCaseRecorded,
  identityIgnored,
  socketTypeTable,
  // Traffic both ways
  pullReceivesMessage,
  pullReceivesSizeBoundaries,
  pullReceivesEmptyFrames,
  pullReceivesMultipart,
  pushSendsWellFormedFrames,
  messagesInOrder,
  commandsInterleaved,
  pingPong,
  pingTtl,
  // Subscriptions on the wire
  pubSubscribeMessage30,
  pubSubscribeCommand31,
  pubUnsubscribeMessage30,
  pubCancelCommand31,
  pubEmptySubscription,
  pubSubscriptionsAdditive,
  subSubscriptionEncoding,
  // Connections that end: the socket reconnects, or drops the bad peer and keeps serving others
  reconnectsAfterClose,
  errorCommandCloses,
  incompatibleSocketType,
  invalidSocketTypeError,
  mechanismMismatch,
  zmtp20Peer,
  badSignature,
  frameSize263,
  maxMessageSize,
  commandWithMore,
  reservedFlagBits,
];
