import QtQuick
import QtTest
import Mps.Kiosk

// The kiosk's screens, as a person would use them: tap, type on the pads, read what is shown.
Item {
    id: root
    width: 1024
    height: 600

    Component { id: idleComp; IdleScreen { width: root.width; height: root.height } }
    Component { id: pinComp; PinScreen { width: root.width; height: root.height } }
    Component { id: jobsComp; JobsScreen { width: root.width; height: root.height } }
    Component { id: linkComp; LinkCardScreen { width: root.width; height: root.height } }
    Component { id: fingerComp; FingerprintScreen { width: root.width; height: root.height } }
    Component { id: consentComp; ConsentScreen { width: root.width; height: root.height } }
    Component { id: scanComp; ScanScreen { width: root.width; height: root.height } }

    TestCase {
        name: "KioskScreens"
        when: windowShown

        function init() { fixture.reset() }

        function find(item, name) {
            const found = findChild(item, name)
            verify(found, "no item named " + name)
            return found
        }

        function test_idleShowsPrinterAndOpensPinPad() {
            const screen = createTemporaryObject(idleComp, root)
            compare(find(screen, "headerPrinter").text, "3F-East")
            compare(find(screen, "tapCardText").text, "Tap your staff card")
            const button = find(screen, "pinButton")
            verify(button.height >= 48)
            mouseClick(button)
            compare(Kiosk.screen, Kiosk.PinScreen)
        }

        function test_idleInvitesTheFingerWhenTheSensorIdentifies() {
            tryVerify(() => FingerprintController.fingerprintAvailable, 5000, "the virtual sensor opens")
            const screen = createTemporaryObject(idleComp, root)
            compare(find(screen, "touchSensorText").visible, FingerprintController.fingerprintCanIdentify)
            verify(FingerprintController.fingerprintCanIdentify)
        }

        function test_enrolScreenFromJobsAndBack() {
            tryVerify(() => FingerprintController.fingerprintAvailable, 5000)
            fixture.signIn(true)
            const jobs = createTemporaryObject(jobsComp, root)
            const button = find(jobs, "fingerprintButton")
            verify(button.visible)
            compare(button.text, "Register fingerprint")
            mouseClick(button)
            // Biometric data: first what is kept, where, why, for how long; nothing scanned yet.
            compare(Kiosk.screen, Kiosk.ConsentScreen)
            verify(FingerprintController.sensorListening !== "enroll", FingerprintController.sensorListening)
            const consent = createTemporaryObject(consentComp, root)
            compare(find(consent, "consentTitle").text, "Register your fingerprint?")
            verify(!find(consent, "consentWithdraw").visible, "nothing to withdraw before enrolment")
            const agree = find(consent, "consentAgree")
            verify(agree.height >= 48)
            compare(agree.text, "Agree and register")
            mouseClick(find(consent, "consentCancel"))
            compare(Kiosk.screen, Kiosk.JobsScreen)
            FingerprintController.startEnrollment() // the jobs screen's button, now under the consent screen
            compare(Kiosk.screen, Kiosk.ConsentScreen)
            mouseClick(agree)
            compare(Kiosk.screen, Kiosk.EnrollScreen)
            const screen = createTemporaryObject(fingerComp, root)
            compare(find(screen, "fingerprintTitle").text, "Register your fingerprint")
            verify(find(screen, "enrollDots").visible)
            compare(FingerprintController.enrollTotal, 5)
            verify(find(screen, "fingerprintHint").text.indexOf("5 more times") >= 0, find(screen, "fingerprintHint").text)
            verify(!find(screen, "fingerprintRemove").visible, "nothing to remove before enrolment")
            const back = find(screen, "fingerprintCancel")
            verify(back.height >= 48)
            mouseClick(back)
            compare(Kiosk.screen, Kiosk.JobsScreen)
        }

        function test_verifyScreenShowsAFailureAndCancels() {
            tryVerify(() => FingerprintController.fingerprintAvailable, 5000)
            fixture.askForFingerprint()
            compare(Kiosk.screen, Kiosk.VerifyScreen)
            const screen = createTemporaryObject(fingerComp, root)
            compare(find(screen, "fingerprintTitle").text, "Confirm it is you")
            verify(!find(screen, "enrollDots").visible)
            // The fixture's template is not a real print: the sensor says so and offers a retry.
            tryVerify(() => Kiosk.messageIsError, 5000)
            verify(find(screen, "fingerprintRetry").visible)
            verify(FingerprintController.fingerprintFailed)
            verify(find(screen, "fingerprintSkip").visible, "a failed sensor offers to go on with the PIN alone")
            mouseClick(find(screen, "fingerprintCancel"))
            compare(Kiosk.screen, Kiosk.IdleScreen)
        }

        function test_languageSwitchTranslates() {
            const screen = createTemporaryObject(idleComp, root)
            mouseClick(find(screen, "lang-ko"))
            compare(Kiosk.language, "ko")
            tryVerify(() => find(screen, "tapCardText").text !== "Tap your staff card")
            verify(/[가-힣]/.test(find(screen, "tapCardText").text), "Korean text expected")
            mouseClick(find(screen, "lang-en"))
            tryCompare(find(screen, "tapCardText"), "text", "Tap your staff card")
        }

        function test_pinPadFillsFields() {
            SignInController.showPinEntry()
            const screen = createTemporaryObject(pinComp, root)
            const user = find(screen, "userField")
            const pin = find(screen, "pinField")
            for (const k of ["k", "i", "m"])
                mouseClick(find(screen, "textkey-" + k))
            compare(user.text, "kim")
            verify(!find(screen, "signInButton").enabled)
            mouseClick(pin)
            verify(pin.active, "tapping the PIN box makes it the one the pad types into")
            tryVerify(() => find(screen, "numkey-4").width >= 48) // the number pad is laid out
            for (const d of ["4", "8", "2", "9"])
                mouseClick(find(screen, "numkey-" + d))
            mouseClick(find(screen, "numkey-back"))
            compare(pin.text, "482")
            verify(find(screen, "signInButton").enabled)
            const key = find(screen, "numkey-5")
            verify(key.width >= 48 && key.height >= 48, "touch target " + key.width + "x" + key.height)
            mouseClick(find(screen, "cancelButton"))
            compare(Kiosk.screen, Kiosk.IdleScreen)
        }

        function test_idleMessageAppearsBelowTheButton() {
            const screen = createTemporaryObject(idleComp, root)
            const bar = find(screen, "messageText").parent
            const button = find(screen, "pinButton")
            verify(!bar.visible)
            // The fixture has no server: a card tap fails and the idle screen says so.
            SignInController.cardPresented("04A1B2C3")
            tryVerify(() => bar.visible && !Kiosk.busy, 5000, "a message on the idle screen")
            const y = item => item.mapToItem(screen, 0, 0).y
            tryVerify(() => y(bar) >= y(button) + button.height, 1000, "the message is drawn over the button: " + y(bar))
            verify(y(bar) + bar.height <= screen.height, "the message is off the screen")
            // The hint gives its place to the message, so that a long one fits at 1024x600.
            verify(!find(screen, "idleHint").visible)
        }

        function test_pinRefusalAppearsBetweenTheFieldsAndTheButtons() {
            SignInController.showPinEntry()
            const screen = createTemporaryObject(pinComp, root)
            const pin = find(screen, "pinField")
            for (const k of ["k", "i", "m"])
                mouseClick(find(screen, "textkey-" + k))
            mouseClick(pin)
            tryVerify(() => find(screen, "numkey-4").width >= 48)
            for (const d of ["4", "8", "2", "9"])
                mouseClick(find(screen, "numkey-" + d))
            const button = find(screen, "signInButton")
            const bar = find(screen, "messageText").parent
            verify(!bar.visible)
            // The fixture has no server: the sign-in is refused with a sentence on this screen.
            mouseClick(button)
            tryVerify(() => bar.visible && !Kiosk.busy, 5000, "a refusal")
            const y = item => item.mapToItem(screen, 0, 0).y
            tryVerify(() => y(bar) >= y(pin) + pin.height, 1000, "the refusal is drawn over the PIN field: " + y(bar))
            tryVerify(() => y(button) >= y(bar) + bar.height, 1000, "the buttons make room for the refusal")
            verify(bar.height >= find(screen, "messageText").contentHeight)
            // Put away, the refusal leaves no gap: the buttons move back under the PIN field.
            mouseClick(bar)
            tryVerify(() => !bar.visible, 1000)
            tryVerify(() => Math.abs(y(button) - (y(pin) + pin.height + Theme.gap)) < 1, 1000,
                      "a gap above the buttons: " + y(button) + " after a PIN field ending at " + (y(pin) + pin.height))
        }

        function test_jobsSelectAndConfirmDelete() {
            fixture.signIn(true)
            const screen = createTemporaryObject(jobsComp, root)
            const list = find(screen, "jobList")
            tryCompare(list, "count", 3)
            tryVerify(() => list.itemAtIndex(2) !== null)
            verify(!find(screen, "faultBanner").visible)
            verify(!find(screen, "printButton").enabled)
            mouseClick(list.itemAtIndex(0))
            compare(JobsController.jobs.selectedCount, 1)
            mouseClick(list.itemAtIndex(2)) // printing: not selectable
            compare(JobsController.jobs.selectedCount, 1)
            verify(find(screen, "printButton").enabled)
            mouseClick(find(screen, "copiesPlus"))
            compare(JobsController.copies, 2)
            mouseClick(find(screen, "duplexSwitch"))
            verify(JobsController.duplex)
            mouseClick(find(screen, "deleteButton"))
            verify(JobsController.confirmingDelete)
            verify(find(screen, "confirmDeleteDialog").visible)
            mouseClick(find(screen, "keepButton"))
            verify(!JobsController.confirmingDelete)
            compare(JobsController.jobs.count, 3)
            verify(find(screen, "countdown").text.indexOf("30") >= 0)
        }

        function test_messageAppearsBelowTheHeadingAndPushesTheList() {
            fixture.signIn(true)
            const screen = createTemporaryObject(jobsComp, root)
            const list = find(screen, "jobList")
            tryCompare(list, "count", 3)
            const text = find(screen, "messageText")
            const bar = text.parent
            verify(!bar.visible)
            const listTop = list.mapToItem(screen, 0, 0).y
            // The fixture has no server: the release fails and the kiosk says so on this screen.
            mouseClick(list.itemAtIndex(0))
            mouseClick(find(screen, "printButton"))
            tryVerify(() => bar.visible, 5000, "a message after the failed release")
            const greeting = find(screen, "greeting")
            tryVerify(() => bar.height >= text.contentHeight + 8, 1000, "the bar has the height of its text, not " + bar.height)
            verify(bar.height >= text.contentHeight, "text " + text.contentHeight + " in a bar of " + bar.height)
            // The layout places the bar at its next polish: wait for it, then it must stay there.
            const barTop = () => bar.mapToItem(screen, 0, 0).y
            const below = greeting.mapToItem(screen, 0, 0).y + greeting.height
            tryVerify(() => barTop() >= below, 1000, "the message is drawn over the heading: " + barTop() + " < " + below)
            tryVerify(() => list.mapToItem(screen, 0, 0).y >= barTop() + bar.height, 1000,
                      "the list makes room for the message (list at " + list.mapToItem(screen, 0, 0).y + ")")
            verify(list.mapToItem(screen, 0, 0).y > listTop)
            wait(200)
            verify(barTop() >= below, "the bar moved back over the heading")
        }

        function test_faultDuringTheSessionAppearsBelowTheHeading() {
            fixture.signIn(true)
            const screen = createTemporaryObject(jobsComp, root)
            const list = find(screen, "jobList")
            tryCompare(list, "count", 3)
            const banner = find(screen, "faultBanner")
            verify(!banner.visible)
            fixture.setPrinterWorks(false)
            verify(banner.visible)
            const greeting = find(screen, "greeting")
            const below = greeting.mapToItem(screen, 0, 0).y + greeting.height
            tryVerify(() => banner.mapToItem(screen, 0, 0).y >= below, 1000,
                      "the fault is drawn over the heading: " + banner.mapToItem(screen, 0, 0).y)
            tryVerify(() => list.mapToItem(screen, 0, 0).y >= banner.mapToItem(screen, 0, 0).y + banner.height, 1000,
                      "the list makes room for the fault")
            verify(!find(screen, "printButton").enabled)
        }

        // A bar is as tall as its text (plus its padding), and takes no room once it is gone: after a
        // message the list moves back up, it does not keep an empty band above it (issue 13).
        function test_barsAreAsTallAsTheirTextAndGoneWhenHidden() {
            fixture.signIn(true)
            const screen = createTemporaryObject(jobsComp, root)
            const list = find(screen, "jobList")
            tryCompare(list, "count", 3)
            const y = item => item.mapToItem(screen, 0, 0).y
            const greeting = find(screen, "greeting")
            const listTop = y(list)
            verify(listTop <= y(greeting) + greeting.height + 2 * Theme.gap, "an empty band above the list: " + listTop)
            const text = find(screen, "messageText")
            const bar = text.parent
            // The fixture has no server: the release fails and the kiosk says so on this screen.
            mouseClick(list.itemAtIndex(0))
            mouseClick(find(screen, "printButton"))
            tryVerify(() => bar.visible && !Kiosk.busy, 5000, "a message after the failed release")
            const lineHeight = text.contentHeight / text.lineCount
            verify(text.lineCount <= 2, "a short message in " + text.lineCount + " lines")
            tryVerify(() => bar.height <= text.contentHeight + 24 && bar.height >= text.contentHeight, 1000,
                      "a bar of " + bar.height + " px for " + text.lineCount + " line(s) of " + lineHeight + " px")
            tryVerify(() => y(list) >= y(bar) + bar.height && y(list) <= y(bar) + bar.height + 2 * Theme.gap, 1000,
                      "the list follows the bar: list at " + y(list) + ", bar ends at " + (y(bar) + bar.height))
            // The message goes (a tap puts it away): the list is back where it was.
            mouseClick(bar)
            tryVerify(() => !bar.visible, 1000)
            tryVerify(() => Math.abs(y(list) - listTop) < 1, 1000, "the list stays at " + y(list) + ", not " + listTop)
            // The fault banner too: as tall as its texts and chips, and gone with the fault.
            fixture.setPrinterWorks(false)
            const banner = find(screen, "faultBanner")
            const title = find(screen, "faultText")
            tryVerify(() => banner.visible && y(list) >= y(banner) + banner.height, 1000)
            verify(title.lineCount <= 2, "the fault in " + title.lineCount + " lines")
            verify(banner.height <= 2 * title.contentHeight + 40 + 60, "a banner of " + banner.height + " px")
            fixture.setPrinterWorks(true)
            tryVerify(() => !banner.visible, 1000)
            tryVerify(() => Math.abs(y(list) - listTop) < 1, 1000, "after the fault the list stays at " + y(list) + ", not " + listTop)
        }

        // Issue 13: the link-card keyboard could not type most symbols, so many real passwords could
        // not be entered. Every printable ASCII character, capitals, a space, and Hangul.
        function test_linkKeyboardTypesEveryCharacter() {
            const screen = createTemporaryObject(linkComp, root)
            const password = find(screen, "linkPasswordField")
            mouseClick(password)
            verify(password.active)
            tryVerify(() => find(screen, "textkey-q").width >= 40)
            const key = k => find(screen, "textkey-" + k)
            // Letters, then shift for capitals.
            for (const k of ["p", "w"])
                mouseClick(key(k))
            mouseClick(key("shift"))
            mouseClick(key("q"))
            mouseClick(key("shift"))
            mouseClick(key("z"))
            compare(password.text, "pwQz")
            // The symbols page: all 32 ASCII symbols, each a touch target.
            mouseClick(key("symbols"))
            // The page's keys are placed at the layout's next polish: wait for it.
            tryVerify(() => key("~").mapToItem(screen, 0, 0).y > key("!").mapToItem(screen, 0, 0).y + 40
                            && key(")").mapToItem(screen, 0, 0).x > key("!").mapToItem(screen, 0, 0).x + 40)
            const symbols = "!@#$%^&*()-_=+[]{}\\|;:'\",.<>/?`~"
            compare(symbols.length, 32)
            for (const c of symbols) {
                const b = key(c)
                verify(b.visible && b.width >= 40 && b.height >= 48, c + ": " + b.width + "x" + b.height)
                mouseClick(b)
            }
            compare(password.text, "pwQz" + symbols)
            mouseClick(key("space"))
            mouseClick(key("back"))
            mouseClick(key("space"))
            compare(password.text, "pwQz" + symbols + " ")
            // Back to letters; the ID field gets Korean from the Hangul layout.
            mouseClick(key("symbols"))
            tryVerify(() => key("m").mapToItem(screen, 0, 0).y > key("q").mapToItem(screen, 0, 0).y + 40)
            const user = find(screen, "linkUserField")
            mouseClick(user)
            mouseClick(key("hangul"))
            tryVerify(() => key("ㅋ").mapToItem(screen, 0, 0).y > key("ㅂ").mapToItem(screen, 0, 0).y + 40
                            && key("ㅔ").mapToItem(screen, 0, 0).x > key("ㅂ").mapToItem(screen, 0, 0).x + 40)
            for (const j of ["ㄱ", "ㅣ", "ㅁ"])
                mouseClick(key(j))
            mouseClick(key("shift"))
            mouseClick(key("ㅅ"))
            mouseClick(key("shift"))
            mouseClick(key("ㅏ"))
            compare(user.text, "김싸")
            mouseClick(key("hangul"))
            tryVerify(() => key("m").mapToItem(screen, 0, 0).y > key("1").mapToItem(screen, 0, 0).y + 40)
            mouseClick(key("1"))
            compare(user.text, "김싸1")
            // Every key is on the screen at 1024x600.
            for (const c of ["1", "q", "p", "shift", "back", "space"]) {
                const b = key(c)
                const p = b.mapToItem(screen, 0, 0)
                verify(p.y + b.height <= screen.height && p.x + b.width <= screen.width, c + " off the screen")
            }
        }

        function test_faultBannerDisablesPrint() {
            fixture.signIn(false)
            const screen = createTemporaryObject(jobsComp, root)
            const banner = find(screen, "faultBanner")
            verify(banner.visible)
            verify(find(screen, "faultText").text.indexOf("paper jam") >= 0)
            JobsController.jobs.selectAll(true)
            verify(!find(screen, "printButton").enabled)
            verify(!find(screen, "printAllButton").enabled)
            verify(find(screen, "deleteButton").enabled)
        }
    }

    // Scan to my e-mail, with SANE's test backend as the scanner (SANE_CONFIG_DIR, set by ctest) and no
    // server. One file: QtQuickTest makes an engine per file, and the kiosk has one sensor and one session.
    TestCase {
        name: "ScanScreen"
        when: windowShown

        function init() { fixture.reset() }

        function find(item, name) {
            const found = findChild(item, name)
            verify(found, "no item named " + name)
            return found
        }

        function openScan() {
            fixture.signIn(true)
            const jobs = createTemporaryObject(jobsComp, root)
            const button = find(jobs, "scanToMailButton")
            verify(button.visible, "a scanner is configured: the jobs screen offers scanning")
            compare(button.text, "Scan to my e-mail")
            mouseClick(button)
            compare(Kiosk.screen, Kiosk.ScanScreen)
            return createTemporaryObject(scanComp, root)
        }

        function test_addressIsShownAndCannotBeChanged() {
            const screen = openScan()
            compare(find(screen, "scanAddress").text, "Sent to kim@city.go.kr")
            // Nothing on the screen takes an address: the only text field is the file name.
            verify(findChild(screen, "addressField") === null)
            compare(find(screen, "fileNameButton").text.indexOf("scan-"), 0)
            verify(find(screen, "fileNameButton").text.endsWith(".pdf"))
        }

        function test_sourcesAsTheDeviceOffersThem() {
            const screen = openScan()
            // The test backend has a flatbed and a feeder, no duplex.
            tryCompare(ScanController.sources, "length", 2, 10000)
            tryVerify(() => findChild(screen, "source-feeder") !== null)
            verify(find(screen, "source-flatbed").visible)
            verify(findChild(screen, "source-duplex") === null)
            mouseClick(find(screen, "source-feeder"))
            compare(ScanController.source, "feeder")
            mouseClick(find(screen, "mode-lineart"))
            compare(ScanController.mode, "lineart")
            mouseClick(find(screen, "resolution-300"))
            compare(ScanController.resolution, 300)
            for (const name of ["source-feeder", "mode-color", "resolution-150", "scanButton", "sendButton"]) {
                const b = find(screen, name)
                verify(b.height >= 48, name + " is " + b.height + " px high")
            }
        }

        function test_pagesAsThumbnailsDeleteAndSend() {
            const screen = openScan()
            verify(find(screen, "scanEmpty").visible)
            verify(!find(screen, "sendButton").enabled, "nothing to send yet")
            fixture.addScannedPages(3)
            const grid = find(screen, "scanPages")
            tryCompare(grid, "count", 3)
            verify(!find(screen, "scanEmpty").visible)
            verify(find(screen, "sendButton").text.indexOf("3") >= 0, find(screen, "sendButton").text)
            verify(find(screen, "sendButton").enabled)
            // Mode and resolution stay once there are pages (one PDF, one kind of page).
            verify(!find(screen, "modeChoice").enabled)
            // On the glass, the next scan is "another page".
            compare(find(screen, "scanButton").text, "Scan another page")
            tryVerify(() => findChild(screen, "deletePage-2") !== null)
            mouseClick(find(screen, "deletePage-2"))
            tryCompare(grid, "count", 2)
            verify(find(screen, "sendButton").text.indexOf("2") >= 0, find(screen, "sendButton").text)
            tryVerify(() => findChild(screen, "scanPage-2") !== null && findChild(screen, "scanPage-3") === null,
                      1000, "the pages after the deleted one moved up")
        }

        function test_aRefusalIsSaidOnTheScreen() {
            const screen = openScan()
            const bar = find(screen, "messageText").parent
            verify(!bar.visible)
            // No server in this test: the scan cannot be opened there, and the screen says so.
            mouseClick(find(screen, "scanButton"))
            tryVerify(() => bar.visible && Kiosk.messageIsError, 10000)
            const y = item => item.mapToItem(screen, 0, 0).y
            const address = find(screen, "scanAddress")
            tryVerify(() => y(bar) >= y(address) + address.height, 1000, "the message is drawn over the address")
            compare(ScanController.pages.count, 0)
            mouseClick(find(screen, "scanBackButton"))
            compare(Kiosk.screen, Kiosk.JobsScreen)
        }

        function test_fileNameOnTheKeyboard() {
            const screen = openScan()
            const editor = find(screen, "fileNameEditor")
            verify(!editor.visible)
            mouseClick(find(screen, "fileNameButton"))
            verify(editor.visible)
            const field = find(screen, "fileNameField")
            // The pad's typing is the link screen's test; here the name goes to the controller.
            field.text = "contract"
            mouseClick(find(screen, "fileNameDone"))
            verify(!editor.visible)
            compare(ScanController.fileName, "contract")
            compare(find(screen, "fileNameButton").text, "contract.pdf")
        }
    }
}
