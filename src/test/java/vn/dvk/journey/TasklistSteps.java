package vn.dvk.journey;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** What a person does in Camunda Tasklist (in Vietnamese), shared by the browser journeys. */
final class TasklistSteps {

	private TasklistSteps() {
	}

	/** Signs in on Tasklist's own form and waits for the group's tasks (the first filter). */
	static Page signIn(BrowserContext context, int port, String user) {
		Page page = context.newPage();
		page.setDefaultTimeout(30_000);
		page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
		page.locator("input[ng-model=\"username\"]").fill(user);
		page.locator("input[type=password]").fill("demo");
		page.locator("button[type=submit]").click();
		page.getByText("Việc của nhóm tôi").first().waitFor();
		return page;
	}

	/** Opens a task of the group's list by its name and waits for its Camunda Form. */
	static void openGroupTask(Page page, String taskName) {
		page.getByText("Việc của nhóm tôi").first().click();
		page.locator(".tasks-list").getByText(taskName).first().click();
		page.locator(".fjs-container").first().waitFor();
	}

	/** Takes the open task (“Nhận xử lý”) and waits until it can be completed. */
	static void claim(Page page) {
		page.getByText("Nhận xử lý").first().click();
		page.locator("button:has-text(\"Hoàn thành\")").waitFor();
	}

}
