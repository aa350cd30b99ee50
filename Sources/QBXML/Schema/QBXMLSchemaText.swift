/// The qbXML request schema embedded in the binary, byte for byte the text of
/// `xsd/qbxml-requests.xsd` (a test checks this), so validation needs no file at run time.
///
/// After editing the .xsd, regenerate the literal below from it; `QBXMLSchemaTextTests` fails until both match.
enum QBXMLSchemaText {
    /// The schema text.
    static let requests = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!--
  QBBridge qbXML request schema (our own; described in docs/qbxml-messages.md).

  Covers the request messages QBBridge sends, in qbXML 13.0 (identical to 14.0-16.0 for these
  messages); a render for an older negotiated version only leaves elements out, so it validates too.
  Element order and cardinality follow the qbXML 13.0 request schemas; the types are those of
  docs/qbxml-messages.md, "Value formats".
  The <?qbxml version?> processing instruction is not a schema matter and is not checked here.

  The same text is embedded in Sources/QBXML/Schema/QBXMLSchemaText.swift; a test keeps both equal.
-->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">

  <!-- ===== Simple types (docs/qbxml-messages.md, "Value formats") ===== -->

  <xs:simpleType name="STRTYPE">
    <xs:restriction base="xs:string"/>
  </xs:simpleType>
  <xs:simpleType name="IDTYPE">
    <xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="36"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="AMTTYPE">
    <xs:restriction base="xs:string"><xs:pattern value="[+\-]?[0-9]{1,13}(\.[0-9]{2})?"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="FLOATTYPE">
    <xs:restriction base="xs:decimal"/>
  </xs:simpleType>
  <xs:simpleType name="DATETYPE">
    <xs:restriction base="xs:date"><xs:pattern value="[0-9]{4}-[0-9]{2}-[0-9]{2}"/></xs:restriction>
  </xs:simpleType>
  <!-- QBBridge sends host-local wall-clock time without an offset; an offset is allowed for raw requests. No Z. -->
  <xs:simpleType name="DATETIMETYPE">
    <xs:restriction base="xs:string">
      <xs:pattern value="[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(T[0-9]{2}(:[0-9]{2}(:[0-9]{2}([+\-][0-9]{2}:[0-9]{2})?)?)?)?"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="GUIDTYPE">
    <xs:restriction base="xs:string">
      <xs:pattern value="0|\{[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\}"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="BOOLTYPE">
    <xs:restriction base="xs:string"><xs:enumeration value="true"/><xs:enumeration value="false"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="POSITIVEINTTYPE">
    <xs:restriction base="xs:positiveInteger"/>
  </xs:simpleType>
  <xs:simpleType name="STR20TYPE">
    <xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="20"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="STR16TYPE">
    <xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="16"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="STR31TYPE">
    <xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="31"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="STR50TYPE">
    <xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="50"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="STR64TYPE">
    <xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="64"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="STR159TYPE">
    <xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="159"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="STR209TYPE">
    <xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="209"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="STR4095TYPE">
    <xs:restriction base="xs:string"><xs:maxLength value="4095"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="MESSAGESETIDTYPE">
    <xs:restriction base="xs:string"><xs:minLength value="1"/><xs:maxLength value="24"/></xs:restriction>
  </xs:simpleType>

  <!-- ===== Enumerations ===== -->

  <xs:simpleType name="OnErrorType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="stopOnError"/><xs:enumeration value="continueOnError"/><xs:enumeration value="rollbackOnError"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="ResponseDataType">
    <xs:restriction base="xs:string"><xs:enumeration value="includeAll"/><xs:enumeration value="includeNone"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="MetaDataType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="NoMetaData"/><xs:enumeration value="MetaDataOnly"/><xs:enumeration value="MetaDataAndResponseData"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="IteratorType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="Start"/><xs:enumeration value="Continue"/><xs:enumeration value="Stop"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="MatchCriterionType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="StartsWith"/><xs:enumeration value="Contains"/><xs:enumeration value="EndsWith"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="PaidStatusType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="All"/><xs:enumeration value="PaidOnly"/><xs:enumeration value="NotPaidOnly"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="ActiveStatusType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="ActiveOnly"/><xs:enumeration value="InactiveOnly"/><xs:enumeration value="All"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="OperatorType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="LessThan"/><xs:enumeration value="LessThanEqual"/><xs:enumeration value="Equal"/>
      <xs:enumeration value="GreaterThan"/><xs:enumeration value="GreaterThanEqual"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="DateMacroType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="All"/><xs:enumeration value="Today"/><xs:enumeration value="ThisWeek"/>
      <xs:enumeration value="ThisWeekToDate"/><xs:enumeration value="ThisMonth"/><xs:enumeration value="ThisMonthToDate"/>
      <xs:enumeration value="ThisCalendarQuarter"/><xs:enumeration value="ThisCalendarQuarterToDate"/>
      <xs:enumeration value="ThisFiscalQuarter"/><xs:enumeration value="ThisFiscalQuarterToDate"/>
      <xs:enumeration value="ThisCalendarYear"/><xs:enumeration value="ThisCalendarYearToDate"/>
      <xs:enumeration value="ThisFiscalYear"/><xs:enumeration value="ThisFiscalYearToDate"/>
      <xs:enumeration value="Yesterday"/><xs:enumeration value="LastWeek"/><xs:enumeration value="LastWeekToDate"/>
      <xs:enumeration value="LastMonth"/><xs:enumeration value="LastMonthToDate"/>
      <xs:enumeration value="LastCalendarQuarter"/><xs:enumeration value="LastCalendarQuarterToDate"/>
      <xs:enumeration value="LastFiscalQuarter"/><xs:enumeration value="LastFiscalQuarterToDate"/>
      <xs:enumeration value="LastCalendarYear"/><xs:enumeration value="LastCalendarYearToDate"/>
      <xs:enumeration value="LastFiscalYear"/><xs:enumeration value="LastFiscalYearToDate"/>
      <xs:enumeration value="NextWeek"/><xs:enumeration value="NextFourWeeks"/><xs:enumeration value="NextMonth"/>
      <xs:enumeration value="NextCalendarQuarter"/><xs:enumeration value="NextCalendarYear"/>
      <xs:enumeration value="NextFiscalQuarter"/><xs:enumeration value="NextFiscalYear"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="TxnDelTypeType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="ARRefundCreditCard"/><xs:enumeration value="Bill"/><xs:enumeration value="BillPaymentCheck"/>
      <xs:enumeration value="BillPaymentCreditCard"/><xs:enumeration value="BuildAssembly"/><xs:enumeration value="Charge"/>
      <xs:enumeration value="Check"/><xs:enumeration value="CreditCardCharge"/><xs:enumeration value="CreditCardCredit"/>
      <xs:enumeration value="CreditMemo"/><xs:enumeration value="Deposit"/><xs:enumeration value="Estimate"/>
      <xs:enumeration value="InventoryAdjustment"/><xs:enumeration value="Invoice"/><xs:enumeration value="ItemReceipt"/>
      <xs:enumeration value="JournalEntry"/><xs:enumeration value="PurchaseOrder"/><xs:enumeration value="ReceivePayment"/>
      <xs:enumeration value="SalesOrder"/><xs:enumeration value="SalesReceipt"/><xs:enumeration value="SalesTaxPaymentCheck"/>
      <xs:enumeration value="TimeTracking"/><xs:enumeration value="TransferInventory"/><xs:enumeration value="VehicleMileage"/>
      <xs:enumeration value="VendorCredit"/>
    </xs:restriction>
  </xs:simpleType>

  <!-- ===== References (docs/qbxml-messages.md, "Shared parts": ListID ?, FullName ?) ===== -->

  <xs:complexType name="CustomerRefType">
    <xs:sequence>
      <xs:element name="ListID" type="IDTYPE" minOccurs="0"/>
      <xs:element name="FullName" type="STR209TYPE" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="AccountRefType">
    <xs:sequence>
      <xs:element name="ListID" type="IDTYPE" minOccurs="0"/>
      <xs:element name="FullName" type="STR159TYPE" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="PaymentMethodRefType">
    <xs:sequence>
      <xs:element name="ListID" type="IDTYPE" minOccurs="0"/>
      <xs:element name="FullName" type="STR31TYPE" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>

  <!-- ===== Filters (docs/qbxml-messages.md, "Shared parts") ===== -->

  <xs:complexType name="ModifiedDateRangeFilterType">
    <xs:sequence>
      <xs:element name="FromModifiedDate" type="DATETIMETYPE" minOccurs="0"/>
      <xs:element name="ToModifiedDate" type="DATETIMETYPE" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="TxnDateRangeFilterType">
    <xs:choice>
      <xs:sequence>
        <xs:element name="FromTxnDate" type="DATETYPE" minOccurs="0"/>
        <xs:element name="ToTxnDate" type="DATETYPE" minOccurs="0"/>
      </xs:sequence>
      <xs:element name="DateMacro" type="DateMacroType"/>
    </xs:choice>
  </xs:complexType>
  <xs:complexType name="EntityFilterType">
    <xs:choice>
      <xs:element name="ListID" type="IDTYPE" maxOccurs="unbounded"/>
      <xs:element name="FullName" type="STR209TYPE" maxOccurs="unbounded"/>
      <xs:element name="ListIDWithChildren" type="IDTYPE"/>
      <xs:element name="FullNameWithChildren" type="STR209TYPE"/>
    </xs:choice>
  </xs:complexType>
  <xs:complexType name="AccountFilterType">
    <xs:choice>
      <xs:element name="ListID" type="IDTYPE" maxOccurs="unbounded"/>
      <xs:element name="FullName" type="STR159TYPE" maxOccurs="unbounded"/>
      <xs:element name="ListIDWithChildren" type="IDTYPE"/>
      <xs:element name="FullNameWithChildren" type="STR159TYPE"/>
    </xs:choice>
  </xs:complexType>
  <xs:complexType name="CurrencyFilterType">
    <xs:choice>
      <xs:element name="ListID" type="IDTYPE" maxOccurs="unbounded"/>
      <xs:element name="FullName" type="STR64TYPE" maxOccurs="unbounded"/>
    </xs:choice>
  </xs:complexType>
  <xs:complexType name="RefNumberFilterType">
    <xs:sequence>
      <xs:element name="MatchCriterion" type="MatchCriterionType"/>
      <xs:element name="RefNumber" type="STRTYPE"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="RefNumberRangeFilterType">
    <xs:sequence>
      <xs:element name="FromRefNumber" type="STRTYPE" minOccurs="0"/>
      <xs:element name="ToRefNumber" type="STRTYPE" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="NameFilterType">
    <xs:sequence>
      <xs:element name="MatchCriterion" type="MatchCriterionType"/>
      <xs:element name="Name" type="STRTYPE"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="NameRangeFilterType">
    <xs:sequence>
      <xs:element name="FromName" type="STRTYPE" minOccurs="0"/>
      <xs:element name="ToName" type="STRTYPE" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="TotalBalanceFilterType">
    <xs:sequence>
      <xs:element name="Operator" type="OperatorType"/>
      <xs:element name="Amount" type="AMTTYPE"/>
    </xs:sequence>
  </xs:complexType>

  <!-- TxnFilter group: MaxReturned, date range, EntityFilter, AccountFilter, ref-number filter, CurrencyFilter -->
  <xs:group name="TxnFilter">
    <xs:sequence>
      <xs:element name="MaxReturned" type="POSITIVEINTTYPE" minOccurs="0"/>
      <xs:choice minOccurs="0">
        <xs:element name="ModifiedDateRangeFilter" type="ModifiedDateRangeFilterType"/>
        <xs:element name="TxnDateRangeFilter" type="TxnDateRangeFilterType"/>
      </xs:choice>
      <xs:element name="EntityFilter" type="EntityFilterType" minOccurs="0"/>
      <xs:element name="AccountFilter" type="AccountFilterType" minOccurs="0"/>
      <xs:choice minOccurs="0">
        <xs:element name="RefNumberFilter" type="RefNumberFilterType"/>
        <xs:element name="RefNumberRangeFilter" type="RefNumberRangeFilterType"/>
      </xs:choice>
      <xs:element name="CurrencyFilter" type="CurrencyFilterType" minOccurs="0"/>
    </xs:sequence>
  </xs:group>

  <!-- The outer choice of transaction queries: TxnID+ | RefNumber+ | RefNumberCaseSensitive+ | filter -->
  <xs:group name="TxnIDsOrRefNumbers">
    <xs:choice>
      <xs:element name="TxnID" type="IDTYPE" maxOccurs="unbounded"/>
      <xs:element name="RefNumber" type="STRTYPE" maxOccurs="unbounded"/>
      <xs:element name="RefNumberCaseSensitive" type="STRTYPE" maxOccurs="unbounded"/>
    </xs:choice>
  </xs:group>

  <xs:group name="QueryTail">
    <xs:sequence>
      <xs:element name="IncludeRetElement" type="STR50TYPE" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="OwnerID" type="GUIDTYPE" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:group>

  <xs:attributeGroup name="RequestAttributes">
    <xs:attribute name="requestID" type="STR50TYPE"/>
  </xs:attributeGroup>
  <xs:attributeGroup name="QueryAttributes">
    <xs:attribute name="requestID" type="STR50TYPE"/>
    <xs:attribute name="metaData" type="MetaDataType"/>
    <xs:attribute name="iterator" type="IteratorType"/>
    <xs:attribute name="iteratorID" type="STRTYPE"/>
  </xs:attributeGroup>

  <!-- ===== Requests (docs/qbxml-messages.md, "Requests QBBridge sends") ===== -->

  <xs:complexType name="HostQueryRqType">
    <xs:sequence>
      <xs:element name="IncludeListMetaData" minOccurs="0">
        <xs:complexType>
          <xs:sequence><xs:element name="IncludeMaxCapacity" type="BOOLTYPE"/></xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:element name="IncludeRetElement" type="STR50TYPE" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attributeGroup ref="RequestAttributes"/>
  </xs:complexType>

  <xs:complexType name="CompanyQueryRqType">
    <xs:sequence><xs:group ref="QueryTail"/></xs:sequence>
    <xs:attributeGroup ref="RequestAttributes"/>
  </xs:complexType>

  <xs:complexType name="PreferencesQueryRqType">
    <xs:sequence>
      <xs:element name="IncludeRetElement" type="STR50TYPE" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attributeGroup ref="RequestAttributes"/>
  </xs:complexType>

  <xs:complexType name="CustomerQueryRqType">
    <xs:sequence>
      <xs:choice minOccurs="0">
        <xs:element name="ListID" type="IDTYPE" maxOccurs="unbounded"/>
        <xs:element name="FullName" type="STR209TYPE" maxOccurs="unbounded"/>
        <xs:sequence>
          <xs:element name="MaxReturned" type="POSITIVEINTTYPE" minOccurs="0"/>
          <xs:element name="ActiveStatus" type="ActiveStatusType" minOccurs="0"/>
          <xs:element name="FromModifiedDate" type="DATETIMETYPE" minOccurs="0"/>
          <xs:element name="ToModifiedDate" type="DATETIMETYPE" minOccurs="0"/>
          <xs:choice minOccurs="0">
            <xs:element name="NameFilter" type="NameFilterType"/>
            <xs:element name="NameRangeFilter" type="NameRangeFilterType"/>
          </xs:choice>
          <xs:element name="TotalBalanceFilter" type="TotalBalanceFilterType" minOccurs="0"/>
          <xs:element name="CurrencyFilter" type="CurrencyFilterType" minOccurs="0"/>
          <xs:element name="ClassFilter" type="AccountFilterType" minOccurs="0"/>
        </xs:sequence>
      </xs:choice>
      <xs:group ref="QueryTail"/>
    </xs:sequence>
    <xs:attributeGroup ref="QueryAttributes"/>
  </xs:complexType>

  <xs:complexType name="InvoiceQueryRqType">
    <xs:sequence>
      <xs:choice minOccurs="0">
        <xs:group ref="TxnIDsOrRefNumbers"/>
        <xs:sequence>
          <xs:group ref="TxnFilter"/>
          <xs:element name="PaidStatus" type="PaidStatusType" minOccurs="0"/>
        </xs:sequence>
      </xs:choice>
      <xs:element name="IncludeLineItems" type="BOOLTYPE" minOccurs="0"/>
      <xs:element name="IncludeLinkedTxns" type="BOOLTYPE" minOccurs="0"/>
      <xs:group ref="QueryTail"/>
    </xs:sequence>
    <xs:attributeGroup ref="QueryAttributes"/>
  </xs:complexType>

  <xs:complexType name="CreditMemoQueryRqType">
    <xs:sequence>
      <xs:choice minOccurs="0">
        <xs:group ref="TxnIDsOrRefNumbers"/>
        <xs:group ref="TxnFilter"/>
      </xs:choice>
      <xs:element name="IncludeLineItems" type="BOOLTYPE" minOccurs="0"/>
      <xs:element name="IncludeLinkedTxns" type="BOOLTYPE" minOccurs="0"/>
      <xs:group ref="QueryTail"/>
    </xs:sequence>
    <xs:attributeGroup ref="QueryAttributes"/>
  </xs:complexType>

  <xs:complexType name="ReceivePaymentQueryRqType">
    <xs:sequence>
      <xs:choice minOccurs="0">
        <xs:group ref="TxnIDsOrRefNumbers"/>
        <xs:group ref="TxnFilter"/>
      </xs:choice>
      <xs:element name="IncludeLineItems" type="BOOLTYPE" minOccurs="0"/>
      <xs:group ref="QueryTail"/>
    </xs:sequence>
    <xs:attributeGroup ref="QueryAttributes"/>
  </xs:complexType>

  <xs:complexType name="TxnIDWithMacroType">
    <xs:simpleContent>
      <xs:extension base="IDTYPE"><xs:attribute name="useMacro" type="STRTYPE"/></xs:extension>
    </xs:simpleContent>
  </xs:complexType>

  <xs:complexType name="TxnLineDetailType">
    <xs:sequence>
      <xs:element name="TxnLineID" type="IDTYPE"/>
      <xs:element name="Amount" type="AMTTYPE"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="SetCreditType">
    <xs:sequence>
      <xs:element name="CreditTxnID" type="TxnIDWithMacroType"/>
      <xs:element name="TxnLineID" type="IDTYPE" minOccurs="0"/>
      <xs:element name="AppliedAmount" type="AMTTYPE"/>
      <xs:element name="Override" type="BOOLTYPE" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="AppliedToTxnAddType">
    <xs:sequence>
      <xs:element name="TxnID" type="TxnIDWithMacroType"/>
      <xs:element name="PaymentAmount" type="AMTTYPE" minOccurs="0"/>
      <xs:element name="TxnLineDetail" type="TxnLineDetailType" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="SetCredit" type="SetCreditType" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="DiscountAmount" type="AMTTYPE" minOccurs="0"/>
      <xs:element name="DiscountAccountRef" type="AccountRefType" minOccurs="0"/>
      <xs:element name="DiscountClassRef" type="AccountRefType" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="AppliedToTxnModType">
    <xs:sequence>
      <xs:element name="TxnID" type="TxnIDWithMacroType"/>
      <xs:element name="PaymentAmount" type="AMTTYPE" minOccurs="0"/>
      <xs:element name="SetCredit" type="SetCreditType" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="DiscountAmount" type="AMTTYPE" minOccurs="0"/>
      <xs:element name="DiscountAccountRef" type="AccountRefType" minOccurs="0"/>
      <xs:element name="DiscountClassRef" type="AccountRefType" minOccurs="0"/>
    </xs:sequence>
  </xs:complexType>

  <!-- CreditCardTxnInfo is not modelled: QBBridge never sends card data (docs/qbxml-messages.md, "Requests QBBridge sends"). -->
  <xs:complexType name="ReceivePaymentAddType">
    <xs:sequence>
      <xs:element name="CustomerRef" type="CustomerRefType"/>
      <xs:element name="ARAccountRef" type="AccountRefType" minOccurs="0"/>
      <xs:element name="TxnDate" type="DATETYPE" minOccurs="0"/>
      <xs:element name="RefNumber" type="STR20TYPE" minOccurs="0"/>
      <xs:element name="TotalAmount" type="AMTTYPE" minOccurs="0"/>
      <xs:element name="ExchangeRate" type="FLOATTYPE" minOccurs="0"/>
      <xs:element name="PaymentMethodRef" type="PaymentMethodRefType" minOccurs="0"/>
      <xs:element name="Memo" type="STR4095TYPE" minOccurs="0"/>
      <xs:element name="DepositToAccountRef" type="AccountRefType" minOccurs="0"/>
      <xs:element name="ExternalGUID" type="GUIDTYPE" minOccurs="0"/>
      <xs:choice>
        <xs:element name="IsAutoApply" type="BOOLTYPE"/>
        <xs:element name="AppliedToTxnAdd" type="AppliedToTxnAddType" maxOccurs="unbounded"/>
      </xs:choice>
    </xs:sequence>
    <xs:attribute name="defMacro" type="STRTYPE"/>
  </xs:complexType>

  <xs:complexType name="ReceivePaymentAddRqType">
    <xs:sequence>
      <xs:element name="ReceivePaymentAdd" type="ReceivePaymentAddType"/>
      <xs:element name="IncludeRetElement" type="STR50TYPE" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attributeGroup ref="RequestAttributes"/>
  </xs:complexType>

  <xs:complexType name="ReceivePaymentModType">
    <xs:sequence>
      <xs:element name="TxnID" type="IDTYPE"/>
      <xs:element name="EditSequence" type="STR16TYPE"/>
      <xs:element name="CustomerRef" type="CustomerRefType" minOccurs="0"/>
      <xs:element name="ARAccountRef" type="AccountRefType" minOccurs="0"/>
      <xs:element name="TxnDate" type="DATETYPE" minOccurs="0"/>
      <xs:element name="RefNumber" type="STR20TYPE" minOccurs="0"/>
      <xs:element name="TotalAmount" type="AMTTYPE" minOccurs="0"/>
      <xs:element name="ExchangeRate" type="FLOATTYPE" minOccurs="0"/>
      <xs:element name="PaymentMethodRef" type="PaymentMethodRefType" minOccurs="0"/>
      <xs:element name="Memo" type="STR4095TYPE" minOccurs="0"/>
      <xs:element name="DepositToAccountRef" type="AccountRefType" minOccurs="0"/>
      <xs:element name="AppliedToTxnMod" type="AppliedToTxnModType" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:complexType name="ReceivePaymentModRqType">
    <xs:sequence>
      <xs:element name="ReceivePaymentMod" type="ReceivePaymentModType"/>
      <xs:element name="IncludeRetElement" type="STR50TYPE" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attributeGroup ref="RequestAttributes"/>
  </xs:complexType>

  <xs:complexType name="TxnDelRqType">
    <xs:sequence>
      <xs:element name="TxnDelType" type="TxnDelTypeType"/>
      <xs:element name="TxnID" type="IDTYPE"/>
    </xs:sequence>
    <xs:attributeGroup ref="RequestAttributes"/>
  </xs:complexType>

  <!-- ===== Envelope (docs/qbxml-messages.md, "Envelope and attributes") ===== -->

  <xs:element name="QBXML">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="QBXMLMsgsRq">
          <xs:complexType>
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="HostQueryRq" type="HostQueryRqType"/>
              <xs:element name="CompanyQueryRq" type="CompanyQueryRqType"/>
              <xs:element name="PreferencesQueryRq" type="PreferencesQueryRqType"/>
              <xs:element name="CustomerQueryRq" type="CustomerQueryRqType"/>
              <xs:element name="InvoiceQueryRq" type="InvoiceQueryRqType"/>
              <xs:element name="CreditMemoQueryRq" type="CreditMemoQueryRqType"/>
              <xs:element name="ReceivePaymentQueryRq" type="ReceivePaymentQueryRqType"/>
              <xs:element name="ReceivePaymentAddRq" type="ReceivePaymentAddRqType"/>
              <xs:element name="ReceivePaymentModRq" type="ReceivePaymentModRqType"/>
              <xs:element name="TxnDelRq" type="TxnDelRqType"/>
            </xs:choice>
            <xs:attribute name="onError" type="OnErrorType" use="required"/>
            <xs:attribute name="newMessageSetID" type="MESSAGESETIDTYPE"/>
            <xs:attribute name="oldMessageSetID" type="MESSAGESETIDTYPE"/>
            <xs:attribute name="responseData" type="ResponseDataType"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>

"""#
}
